import type { MiddlewareHandler } from "hono";
import type { SimState } from "./state";
import type { Fault } from "./faults";
import { faultResponse } from "./fault-response";

const never = () => new Promise<never>(() => {});

/**
 * Closes the client's connection without an answer: the closest a single-port sim comes to a stopped service
 * (a real one refuses the connection; the real tier's fault test stops processes for that).
 */
function drop(env: unknown): Promise<never> {
  (env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket?.destroy();
  return never();
}

async function apply(f: Fault, service: string, env: unknown): Promise<Response | undefined> {
  if (f.mode === "500" || f.mode === "503") return faultResponse(service, Number(f.mode) as 500 | 503, f.retryAfterS);
  if (f.mode === "down") return drop(env);
  if (f.mode === "hang") return never();
  await new Promise((r) => setTimeout(r, f.delayMs ?? 2000));
  return undefined;
}

/** Applies an injected fault (see /_sim/fault) to the requests of one service it matches. */
export function faultInjection(state: SimState, service: string, mount: string): MiddlewareHandler {
  return async (c, next) => {
    const f = state.faults.take(service, c.req.method, c.req.path.slice(mount.length));
    if (!f) return next();
    if (f.phase !== "after") {
      const res = await apply(f, service, c.env);
      if (res) return res;
      return next();
    }
    await next();
    const res = await apply(f, service, c.env);
    if (res) c.res = res;
  };
}
