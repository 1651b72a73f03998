import { streamSSE } from "hono/streaming";
import { ApiError } from "../../errors";
import { bootIo } from "../../features/boot/gather";
import { launchBoot, planFor } from "../../features/boot/launch";
import { bootOptions } from "../../features/boot/options";
import type { ObservedPhase } from "../../features/boot/progress";
import { lookProgress } from "../../features/boot/watch";
import type { AppRouteHandler } from "../../lib/types";
import type { CreateRoute, OptionsRoute, PlanRoute, ProgressRoute, ProgressStreamRoute } from "./boot.routes";

const io = (c: Parameters<AppRouteHandler<PlanRoute>>[0]) => bootIo(c.get("services"), c.get("session"));

export const options: AppRouteHandler<OptionsRoute> = async (c) => c.json(await bootOptions(io(c as never)), 200);

export const plan: AppRouteHandler<PlanRoute> = async (c) => c.json(await planFor(io(c), c.req.valid("json")), 200);

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { name, ...choices } = c.req.valid("json");
  const { serverId, plan } = await launchBoot(io(c as never), name, choices);
  const progressUrl = `/api/boot/${serverId}/progress`;
  return c.json({ serverId, plan, progressUrl, streamUrl: `${progressUrl}/stream` }, 202);
};

export const progress: AppRouteHandler<ProgressRoute> = async (c) => {
  const { progress } = await lookProgress(io(c as never), c.req.valid("param").serverId);
  return c.json(progress, 200);
};

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((r) => {
  const t = setTimeout(r, ms);
  signal.addEventListener("abort", () => { clearTimeout(t); r(); }, { once: true });
});

/** Polls Nova and Cinder every intervalMs and sends a `progress` event whenever something changed, until done. */
export const progressStream: AppRouteHandler<ProgressStreamRoute> = async (c) => {
  const { serverId } = c.req.valid("param");
  const { intervalMs } = c.req.valid("query");
  const bio = io(c as never);
  // The first look happens before the stream opens, so a missing server is a plain 404, not an event.
  let state = await lookProgress(bio, serverId);
  const signal = c.req.raw.signal;
  const res = streamSSE(c, async (stream) => {
    let last = "";
    let id = 0;
    let phases: ObservedPhase[] = state.phases;
    for (;;) {
      const body = JSON.stringify(state.progress);
      const key = JSON.stringify({ ...state.progress, elapsedSeconds: 0 });
      if (key !== last) { await stream.writeSSE({ event: "progress", data: body, id: String(++id) }); last = key; }
      else await stream.write(": keep-alive\n\n");
      if (state.progress.done || signal.aborted || stream.aborted) break;
      await sleep(intervalMs, signal);
      if (signal.aborted || stream.aborted) break;
      try {
        state = await lookProgress(bio, serverId, phases);
        phases = state.phases;
      } catch (e) {
        const err = e instanceof ApiError ? { code: e.code, message: e.message, service: e.extra.service } : { code: "internal", message: String(e) };
        await stream.writeSSE({ event: "upstream-error", data: JSON.stringify(err) });
        if (e instanceof ApiError && e.status === 404) break;
      }
    }
    await stream.writeSSE({ event: "end", data: JSON.stringify({ outcome: state.progress.outcome }) });
  });
  // streamSSE sets plain no-cache; proxies must neither cache nor transform (buffer/compress) the stream.
  res.headers.set("Cache-Control", "no-cache, no-transform");
  res.headers.set("X-Accel-Buffering", "no");
  return res as never;
};
