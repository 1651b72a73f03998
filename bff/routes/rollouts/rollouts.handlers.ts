import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { actorOf, audited } from "../../audit/audited-step";
import { ApiError, badRequest } from "../../errors";
import { RolloutError } from "../../features/rollouts/service";
import type { AppEnv, AppRouteHandler } from "../../lib/types";
import type { CancelRoute, EventsRoute, GetOneRoute, ListRoute, PoolsRoute, RetryRoute, StartRoute } from "./rollouts.routes";

/** Unconfigured is this deployment's state (409: nothing is down, a retry won't help); unavailable is HAProxy not answering. */
const STATUS = { not_found: 404, conflict: 409, unconfigured: 409, unavailable: 503 } as const;

/** Feature errors onto the one envelope. */
async function call<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof RolloutError) throw new ApiError(STATUS[e.kind], e.code, e.message, e.field ? { field: e.field } : {});
    throw e;
  }
}

const svc = (c: Context<AppEnv>) => c.get("services").rollouts;
const who = (c: Context<AppEnv>) => c.get("session").body.user.name;

/** Runs one rollout action with its intent in the audit log first: no record, no action (503 audit_unavailable). */
function audit<T>(
  c: Context<AppEnv>,
  what: { action: string; target: string; step: string; planId?: string },
  run: () => Promise<T>,
): Promise<T> {
  return audited(c.get("services").audit, { ...actorOf(c), planId: what.planId ?? null, ...what }, run, () => ({
    result: "ok",
    detail: null,
  }));
}

export const pools: AppRouteHandler<PoolsRoute> = async (c) => {
  const s = svc(c);
  const cfg = s.config();
  const config =
    cfg.state === "ok"
      ? { state: cfg.state, file: cfg.file }
      : cfg.state === "invalid"
        ? { state: cfg.state, file: cfg.file, message: cfg.message }
        : { state: cfg.state };
  return c.json({ config, tools: s.tools(), pools: await s.pools() }, 200);
};

export const list: AppRouteHandler<ListRoute> = async (c) =>
  c.json({ runs: await call(() => svc(c).list(c.req.valid("query").limit)) }, 200);

export const start: AppRouteHandler<StartRoute> = async (c) => {
  const b = c.req.valid("json");
  const input = { serial: b.serial, maxFailPercentage: b.maxFailPercentage, version: b.version };
  if (b.dryRun) return c.json({ dryRun: true as const, ...(await call(() => svc(c).plan(b.pool, input))) }, 200);
  if (!b.planId) throw badRequest("body.planId", "required with dryRun false (confirm the plan a dry run returned)");
  const run = await audit(
    c,
    {
      action: "rollouts.start",
      target: `pool ${b.pool}`,
      planId: b.planId,
      step: `start a rollout of ${b.pool}: version ${b.version}, serial ${b.serial}, max_fail_percentage ${b.maxFailPercentage}`,
    },
    () => call(() => svc(c).start(b.pool, input, b.planId!, who(c))),
  );
  return c.json({ dryRun: false as const, id: run.id }, 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => c.json(await call(() => svc(c).get(c.req.valid("param").id)), 200);

export const cancel: AppRouteHandler<CancelRoute> = async (c) => {
  const { id } = c.req.valid("param");
  await audit(c, { action: "rollouts.cancel", target: `rollout ${id}`, step: `cancel rollout ${id}` }, () =>
    call(() => svc(c).cancel(id, who(c))),
  );
  return c.json(await call(() => svc(c).get(id)), 200);
};

export const retry: AppRouteHandler<RetryRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const run = await audit(c, { action: "rollouts.retry", target: `rollout ${id}`, step: `retry the failed hosts of rollout ${id}` }, () =>
    call(() => svc(c).retry(id, who(c))),
  );
  return c.json({ dryRun: false as const, id: run.id }, 200);
};

/** Replays the stored events after Last-Event-ID (or ?after), then follows new ones until the run is over. */
export const events: AppRouteHandler<EventsRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const { after, intervalMs } = c.req.valid("query");
  const header = Number(c.req.header("Last-Event-ID"));
  let seq = Number.isInteger(header) && header >= 0 ? header : (after ?? 0);
  const s = svc(c);
  await call(() => s.events(id, seq)); // 404 before the stream opens
  const signal = c.req.raw.signal;
  const res = streamSSE(c, async (stream) => {
    for (;;) {
      const finished = (await s.status(id)) !== "running";
      const batch = await s.events(id, seq);
      for (const e of batch) {
        await stream.writeSSE({ id: String(e.seq), event: e.type, data: JSON.stringify({ ts: e.ts, ...(e.data as object) }) });
        seq = e.seq;
      }
      if (finished && batch.length === 0) break;
      if (batch.length === 0) await stream.write(": keep-alive\n\n");
      if (signal.aborted || stream.aborted) return;
      // woken by the run's next event from any replica (LISTEN/NOTIFY), else after intervalMs (the polling fallback)
      if (batch.length < 500) await s.waitForEvents(id, intervalMs, signal);
      if (signal.aborted || stream.aborted) return;
    }
    await stream.writeSSE({ event: "end", data: JSON.stringify({ status: await s.status(id) }) });
  });
  // streamSSE sets plain no-cache; proxies (Next included) must neither cache nor transform (buffer/compress) it.
  res.headers.set("Cache-Control", "no-cache, no-transform");
  res.headers.set("X-Accel-Buffering", "no");
  return res as never;
};
