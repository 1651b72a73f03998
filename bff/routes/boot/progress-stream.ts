import { ApiError } from "../../errors";

/** Why a progress stream ended: the boot finished, the server is gone, the session ended, or the stream's time ran out. */
export type StreamEnd = "done" | "not_found" | "unauthorized" | "max_lifetime" | "closed";

export interface StreamIo<S> {
  /** A fresh look at the boot (throws ApiError on upstream failures). */
  look: () => Promise<S>;
  /** Whether this state is the final one. */
  done: (s: S) => boolean;
  /** A key for "nothing changed" (progress ignoring the elapsed seconds). */
  key: (s: S) => string;
  send: (event: "progress" | "upstream-error", data: unknown) => Promise<void>;
  keepAlive: () => Promise<void>;
  sleep: (ms: number) => Promise<void>;
  closed: () => boolean;
  now: () => number;
}

/**
 * The progress stream's loop: sends the first state, then looks again every `intervalMs` and sends each change,
 * until the boot is done, the server is gone (404), the session is refused (401: Keystone revoked or expired the
 * token, so polling on is pointless), the client left, or `maxLifetimeMs` has passed since it opened. Other
 * upstream errors are sent as `upstream-error` events and the loop carries on.
 */
export async function runProgressStream<S>(
  first: S,
  io: StreamIo<S>,
  intervalMs: number,
  maxLifetimeMs: number,
): Promise<{ last: S; end: StreamEnd }> {
  const deadline = io.now() + maxLifetimeMs;
  let state = first;
  let lastKey = "";
  for (;;) {
    const key = io.key(state);
    if (key !== lastKey) {
      await io.send("progress", state);
      lastKey = key;
    } else await io.keepAlive();
    if (io.done(state)) return { last: state, end: "done" };
    if (io.closed()) return { last: state, end: "closed" };
    if (io.now() + intervalMs > deadline) return { last: state, end: "max_lifetime" };
    await io.sleep(intervalMs);
    if (io.closed()) return { last: state, end: "closed" };
    try {
      state = await io.look();
    } catch (e) {
      const err =
        e instanceof ApiError ? { code: e.code, message: e.message, service: e.extra.service } : { code: "internal", message: String(e) };
      await io.send("upstream-error", err);
      if (e instanceof ApiError && e.status === 404) return { last: state, end: "not_found" };
      if (e instanceof ApiError && e.status === 401) return { last: state, end: "unauthorized" };
    }
  }
}
