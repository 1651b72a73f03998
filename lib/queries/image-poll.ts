/**
 * How the Images page follows images that Glance is still moving along (queued, saving, importing…).
 * An image left in `queued` (created, never uploaded) stays there for good, so polling backs off with the
 * image's age and stops after a bound; such an image is then shown as "still queued" rather than polled.
 */
export const FIRST_POLL_MS = 5_000;
export const MAX_POLL_MS = 60_000;
/** Past this age a transient image is no longer polled for. */
export const STOP_POLLING_AFTER_MS = 15 * 60_000;

interface Polled {
  transient: boolean;
  created: string;
}

const ageMs = (i: Polled, now: number) => {
  const t = Date.parse(i.created);
  return Number.isFinite(t) ? Math.max(0, now - t) : 0;
};

/** A transient image that has been so for longer than the bound: not polled any more. */
export const stillTransient = (i: Polled, now: number): boolean => i.transient && ageMs(i, now) > STOP_POLLING_AFTER_MS;

/**
 * The next poll: a tenth of the youngest transient image's age, between 5 s and 60 s; false when nothing
 * is transient, or every transient image is past the bound.
 */
export function imagePollInterval(items: readonly Polled[] | undefined, now: number): number | false {
  const live = (items ?? []).filter((i) => i.transient && !stillTransient(i, now));
  if (!live.length) return false;
  const youngest = Math.min(...live.map((i) => ageMs(i, now)));
  return Math.min(MAX_POLL_MS, Math.max(FIRST_POLL_MS, Math.round(youngest / 10)));
}
