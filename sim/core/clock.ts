/**
 * Simulated time. Durations in the sim are given in "cloud seconds" (what the real service would take)
 * and multiplied by the time scale to get wall-clock milliseconds: scale 1 is real time, 0.01 makes
 * Nova's 180 s volume wait last 1.8 s.
 */
export interface Clock {
  now(): number;
  scale(): number;
  setScale(scale: number): void;
  /** Wall-clock milliseconds that `cloudSeconds` take at the current scale. */
  ms(cloudSeconds: number): number;
}

export function createClock(initialScale: number, now: () => number = Date.now): Clock {
  let scale = initialScale;
  return {
    now,
    scale: () => scale,
    setScale(s) {
      if (!(s > 0) || !Number.isFinite(s)) throw new Error(`time scale must be a positive number, got ${s}`);
      scale = s;
    },
    ms: (cloudSeconds) => Math.round(cloudSeconds * 1000 * scale),
  };
}

/** ISO-8601 with a Z and no fraction: Nova/Glance/Neutron style ("2013-09-03T04:01:32Z"). */
export const isoSeconds = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
/** Keystone's isotime(subsecond=True) after replace(microsecond=0): six zero digits. */
export const keystoneTime = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, ".000000Z");
/** Cinder's created_at style: naive, microseconds ("2026-01-01T12:00:00.000000"). */
export const cinderTime = (t: number): string => new Date(t).toISOString().replace(/\.(\d{3})Z$/, ".$1000");
