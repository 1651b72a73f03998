import { rowAgeMs, rowsToPoll } from "./live-rows";

/**
 * Images on the one live mechanism (live.ts): Glance's transitional images (queued, saving, importing…) are followed
 * with the 2.5 s → 30 s backoff. An image left in `queued` (created, never uploaded) stays there for good, so an image
 * transitional for longer than the bound is no longer polled and is shown as "still queued" instead.
 */
export const STOP_POLLING_AFTER_MS = 15 * 60_000;

interface Polled {
  id?: string;
  transient: boolean;
  created: string;
}

/** A transient image that has been so for longer than the bound: not polled any more. */
export const stillTransient = (i: Polled, now: number): boolean =>
  i.transient && rowAgeMs({ id: i.id ?? "", created: i.created }, now) > STOP_POLLING_AFTER_MS;

/** How many images are still followed (transitional, within the bound). */
export const imagesToFollow = (items: readonly (Polled & { id: string })[] | undefined, now: number): number =>
  rowsToPoll(items, now, STOP_POLLING_AFTER_MS).length;
