import type { MiddlewareHandler } from "hono";
import type { SimState } from "./state";

/** Applies an injected fault (see /_sim/fault) to every request of one service. */
export function faultInjection(state: SimState, service: string): MiddlewareHandler {
  return async (_c, next) => {
    const f = state.faults.take(service);
    if (f?.mode === "500" || f?.mode === "503") {
      const status = Number(f.mode);
      return new Response(`<html><body><h1>${status} ${status === 500 ? "Internal Server Error" : "Service Unavailable"}</h1></body></html>`, {
        status, headers: { "Content-Type": "text/html" },
      });
    }
    if (f?.mode === "hang") await new Promise<void>(() => {});
    if (f?.mode === "slow") await new Promise((r) => setTimeout(r, f.delayMs ?? 2000));
    await next();
  };
}
