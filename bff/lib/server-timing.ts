import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareHandler } from "hono";

/**
 * Server-Timing for every BFF answer: how long the BFF worked on its own, against how long it waited on each
 * upstream service. Upstream waits are recorded by the HTTP layer (openstack/http.ts: from sending a request to its
 * headers, and reading its body) into the store of the request they belong to (AsyncLocalStorage), together with
 * the call counts the same layer reports through `onCall`. Waits on one service that overlap count once (a union
 * of intervals), so parallel reads do not add up to more than the wall time they took.
 */
interface Interval {
  start: number;
  end: number;
}
interface TimingStore {
  waits: Map<string, Interval[]>;
  calls: Map<string, number>;
}

const store = new AsyncLocalStorage<TimingStore>();

/** Records that the current request waited on `service` from `start` to `end` (performance.now() times). */
export function noteWait(service: string, start: number, end: number): void {
  const s = store.getStore();
  if (!s) return;
  const list = s.waits.get(service);
  if (list) list.push({ start, end });
  else s.waits.set(service, [{ start, end }]);
}

/** Counts one upstream call for the current request. */
export function noteCall(service: string): void {
  const s = store.getStore();
  if (s) s.calls.set(service, (s.calls.get(service) ?? 0) + 1);
}

/** Total length of a set of intervals, overlaps counted once. */
export function unionMs(intervals: Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0,
    start = -Infinity,
    end = -Infinity;
  for (const i of sorted) {
    if (i.start > end) {
      if (end > start) total += end - start;
      start = i.start;
      end = i.end;
    } else if (i.end > end) end = i.end;
  }
  if (end > start) total += end - start;
  return total;
}

const ms = (x: number) => Math.max(0, x).toFixed(1);

/**
 * The header value: `bff` (wall time not spent waiting on any upstream), one entry per upstream service (its wait,
 * with the call count as the description) and `total`.
 */
export function serverTimingHeader(s: TimingStore, totalMs: number): string {
  const all = [...s.waits.values()].flat();
  const parts = [`bff;dur=${ms(totalMs - unionMs(all))};desc="BFF (not waiting upstream)"`];
  const services = new Set([...s.waits.keys(), ...s.calls.keys()]);
  for (const service of [...services].sort()) {
    const calls = s.calls.get(service) ?? 0;
    parts.push(`${service};dur=${ms(unionMs(s.waits.get(service) ?? []))};desc="${calls} call${calls === 1 ? "" : "s"}"`);
  }
  parts.push(`total;dur=${ms(totalMs)}`);
  return parts.join(", ");
}

/** Runs the rest of the request in its own timing store and sets `Server-Timing` on its answer. */
export function serverTiming(): MiddlewareHandler {
  return async (c, next) => {
    const s: TimingStore = { waits: new Map(), calls: new Map() };
    const started = performance.now();
    await store.run(s, next);
    c.header("Server-Timing", serverTimingHeader(s, performance.now() - started));
  };
}

/** Parses a Server-Timing header into { name: { dur, desc } } (benchmarks and tests read it back). */
export function parseServerTiming(header: string | null): Record<string, { dur: number; desc: string | null }> {
  const out: Record<string, { dur: number; desc: string | null }> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const get = (k: string) =>
      params
        .find((p) => p.trim().startsWith(`${k}=`))
        ?.trim()
        .slice(k.length + 1);
    out[name] = { dur: Number(get("dur") ?? 0), desc: get("desc")?.replace(/^"|"$/g, "") ?? null };
  }
  return out;
}
