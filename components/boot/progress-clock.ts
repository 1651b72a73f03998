import type { BootProgress } from "@/lib/queries/boot";

/** Cinder is still making the root volume (the download happens while `creating`). */
const COPYING = new Set(["creating", "downloading"]);
const VOLUME_PATHS = new Set(["copy-volume", "rbd-clone-volume"]);

export interface Clock {
  /** Seconds since launch, counting on between the server's answers while the boot is building. */
  elapsed: number;
  /** Nova's volume wait while Cinder works: seconds left of it, the whole wait, and the volume's status; else null. */
  countdown: { remaining: number; wait: number; status: string } | null;
  /** Past the prediction while still copying: how far through the copy the boot likely is, against which expectation. */
  overdue: { kind: "copy" | "slow"; percent: number; expected: number } | null;
  /** The bar: 100 at ACTIVE and at ERROR (which shows the fault), otherwise the share of what is expected, at most 99. */
  percent: number;
}

/**
 * Elapsed time and the countdown to Nova's limit, between two answers of the progress stream: the server answers
 * only when something changes, so the clock runs from when the last answer arrived (`receivedAt`, browser time),
 * and never compares browser and server clocks.
 */
export function progressClock(p: BootProgress, receivedAt: number, now: number): Clock {
  const building = p.outcome === "building";
  const elapsed = building ? p.elapsedSeconds + Math.max(0, now - receivedAt) / 1000 : p.elapsedSeconds;
  const pr = p.prediction;
  if (!building) return { elapsed, countdown: null, overdue: null, percent: 100 };
  const copying = !!p.volume && COPYING.has(p.volume.status);
  let countdown: Clock["countdown"] = null;
  if (pr?.waitSeconds != null && copying && VOLUME_PATHS.has(pr.path)) {
    // Nova's wait starts when it asks Cinder for the volume: the volume's creation (else the mapping phase), in server time.
    const start = p.phases.find((x) => x.phase === "volume_creating") ?? p.phases.find((x) => x.phase === "block_device_mapping");
    const serverNow = Date.parse(p.startedAt) + elapsed * 1000;
    const waited = start ? Math.max(0, (serverNow - Date.parse(start.at)) / 1000) : elapsed;
    countdown = { remaining: Math.max(0, pr.waitSeconds - waited), wait: pr.waitSeconds, status: p.volume!.status };
  }
  let overdue: Clock["overdue"] = null;
  if (pr && elapsed > pr.p50 && copying) {
    const expected = pr.alternative?.storageP50 ?? pr.storageP50 ?? pr.p50;
    overdue = { kind: pr.alternative ? "copy" : "slow", percent: Math.round((elapsed / Math.max(expected, 0.1)) * 100), expected };
  }
  const expected = overdue?.expected ?? pr?.p90 ?? 0;
  const percent = expected > 0 ? Math.min(99, (elapsed / expected) * 100) : 0;
  return { elapsed, countdown, overdue, percent };
}
