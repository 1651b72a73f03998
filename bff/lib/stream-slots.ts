export interface StreamLimits {
  maxLifetimeMs: number;
  maxPerSession: number;
}
/** 30 minutes covers the slowest copy Nova waits for many times over; 4 streams cover a few open tabs. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxLifetimeMs: 30 * 60_000, maxPerSession: 4 };

/**
 * Open long-lived streams per session (keyed by its token), capped: a page that opens streams in a loop, or a
 * copied cookie, cannot hold the BFF's connections and upstream polling without bound. Release is idempotent.
 */
export function createStreamSlots(maxPerKey: number) {
  const open = new Map<string, number>();
  return {
    /** A release function, or null when the key already holds `maxPerKey` streams. */
    acquire(key: string): (() => void) | null {
      const n = open.get(key) ?? 0;
      if (n >= maxPerKey) return null;
      open.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      };
    },
    count: (key: string) => open.get(key) ?? 0,
  };
}
export type StreamSlots = ReturnType<typeof createStreamSlots>;
