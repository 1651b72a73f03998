import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { ApiError } from "../../errors";
import { bootIo } from "../../features/boot/gather";
import { launchBoot, planFor } from "../../features/boot/launch";
import { bootOptions } from "../../features/boot/options";
import type { ObservedPhase } from "../../features/boot/progress";
import { lookProgress } from "../../features/boot/watch";
import { runProgressStream } from "./progress-stream";
import type { AppEnv, AppRouteHandler } from "../../lib/types";
import type { CreateRoute, OptionsRoute, PlanRoute, ProgressRoute, ProgressStreamRoute } from "./boot.routes";
import { abortableSleep } from "../../lib/abortable-sleep";

const io = (c: Context<AppEnv>) => bootIo(c.get("services"), c.get("session"), c.get("clients"));

export const options: AppRouteHandler<OptionsRoute> = async (c) => c.json(await bootOptions(io(c)), 200);

export const plan: AppRouteHandler<PlanRoute> = async (c) => c.json(await planFor(io(c), c.req.valid("json")), 200);

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { name, ...choices } = c.req.valid("json");
  const { serverId, plan } = await launchBoot(io(c), name, choices);
  const progressUrl = `/api/boot/${serverId}/progress`;
  return c.json({ serverId, plan, progressUrl, streamUrl: `${progressUrl}/stream` }, 202);
};

export const progress: AppRouteHandler<ProgressRoute> = async (c) => {
  const { progress } = await lookProgress(io(c), c.req.valid("param").serverId);
  return c.json(progress, 200);
};

/**
 * Polls Nova and Cinder every intervalMs and sends a `progress` event whenever something changed, until done,
 * gone, refused (401), or past the stream's maximum lifetime; then `end` says which. A session holds at most
 * `maxPerSession` streams at once (429 past that).
 */
export const progressStream: AppRouteHandler<ProgressStreamRoute> = async (c) => {
  const { serverId } = c.req.valid("param");
  const { intervalMs } = c.req.valid("query");
  const svc = c.get("services");
  const session = c.get("session");
  const bio = io(c);
  const release = svc.streamSlots.acquire(session.token);
  if (!release)
    throw new ApiError(
      429,
      "too_many_streams",
      `This session already has ${svc.streamLimits.maxPerSession} progress streams open; close one first.`,
      { details: { limit: svc.streamLimits.maxPerSession } },
    );
  let first: Awaited<ReturnType<typeof lookProgress>>;
  try {
    // The first look happens before the stream opens, so a missing server is a plain 404, not an event.
    first = await lookProgress(bio, serverId);
  } catch (e) {
    release();
    throw e;
  }
  const signal = c.req.raw.signal;
  const res = streamSSE(
    c,
    async (stream) => {
      let phases: ObservedPhase[] = first.phases;
      let id = 0;
      try {
        const { last, end } = await runProgressStream(
          first,
          {
            look: async () => {
              const next = await lookProgress(bio, serverId, phases);
              phases = next.phases;
              return next;
            },
            done: (s) => s.progress.done,
            key: (s) => JSON.stringify({ ...s.progress, elapsedSeconds: 0 }),
            send: (event, data) =>
              stream.writeSSE({
                event,
                data: JSON.stringify(event === "progress" ? (data as typeof first).progress : data),
                ...(event === "progress" ? { id: String(++id) } : {}),
              }),
            keepAlive: () => stream.write(": keep-alive\n\n").then(() => undefined),
            sleep: (ms) => abortableSleep(ms, signal),
            closed: () => signal.aborted || stream.aborted,
            now: Date.now,
          },
          intervalMs,
          svc.streamLimits.maxLifetimeMs,
        );
        // Keystone no longer takes the token: drop it from the cache so the next request ends the session.
        if (end === "unauthorized") svc.sessions.evict(session.token);
        await stream.writeSSE({ event: "end", data: JSON.stringify({ outcome: last.progress.outcome, reason: end }) });
      } finally {
        release();
      }
    },
    async (err, stream) => {
      release();
      await stream.writeSSE({ event: "upstream-error", data: JSON.stringify({ code: "internal", message: err.message }) });
    },
  );
  // streamSSE sets plain no-cache; proxies must neither cache nor transform (buffer/compress) the stream.
  res.headers.set("Cache-Control", "no-cache, no-transform");
  res.headers.set("X-Accel-Buffering", "no");
  return res as never;
};
