import type { FanoutBytes, FanoutLimits, FanoutRow, FlattenAdvice } from "./fanout-schema";
import { weaker } from "./fanout";

/** The learned (or default) copy throughput, as boot learns it from Cinder's history (bytes per second). */
export interface Throughput {
  bytesPerSecond: { p50: number; p90: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * For a parent above a limit: flatten its busiest running clones (most bytes still in the parent first) until
 * the running clones and the bytes they read from it are within the limits. The cost: the bytes each flatten
 * copies (what it still reads from the parent), their time at the learned throughput, and the space the
 * flattened images take afterwards (their provisioned bytes at most). Null for a parent within the limits.
 * Without a throughput (its read failed: tp null) the time is unknown, and says why; the rest of the advice stands.
 */
export function adviseFlatten(row: FanoutRow, limits: FanoutLimits, tp: Throughput | null): FlattenAdvice | null {
  if (row.direct.running <= limits.maxRunningClones && (row.runningInParent.bytes ?? 0) <= limits.maxParentBytes) return null;
  const running = row.clones.filter((c) => c.run.state === "running");
  let left = row.direct.running;
  let leftBytes = row.runningInParent.bytes ?? 0;
  const picked: typeof running = [];
  for (const c of running) {
    if (left <= limits.maxRunningClones && leftBytes <= limits.maxParentBytes) break;
    picked.push(c);
    left--;
    leftBytes -= c.inParent.bytes ?? 0;
  }
  let bytes = 0;
  let basis: FanoutBytes["basis"] = "estimate";
  for (const c of picked) {
    bytes += c.inParent.bytes ?? 0;
    basis = weaker(basis, c.inParent.basis);
  }
  const bytesToCopy: FanoutBytes = basis === "unknown" && bytes === 0 ? { bytes: null, basis } : { bytes, basis };
  // Parallel flattens share the same cluster: the time is the bytes at the cloud's rate, not divided by them.
  const rate = tp && tp.bytesPerSecond.p50 > 0 && tp.bytesPerSecond.p90 > 0 ? tp.bytesPerSecond : null;
  const seconds =
    bytesToCopy.bytes === null || !rate ? null : { p50: round1(bytesToCopy.bytes / rate.p50), p90: round1(bytesToCopy.bytes / rate.p90) };
  return {
    parent: row.parent,
    clones: picked.map((c) => c.spec),
    bytesToCopy,
    seconds,
    timeUnknown: seconds ? null : bytesToCopy.bytes === null ? "bytes_unknown" : "throughput_unavailable",
    spaceAfterBytes: picked.reduce((s, c) => s + c.provisionedBytes, 0),
    runningFlattens: picked.length,
    parallel: Math.max(1, Math.min(limits.parallelFlattens, picked.length)),
  };
}
