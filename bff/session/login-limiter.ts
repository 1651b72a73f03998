/**
 * Failed sign-ins counted per user and per client address over a sliding window. Past `max` failures
 * for either key, further attempts are refused (429 with Retry-After) without asking Keystone, until the
 * oldest failure in the window ages out. A successful sign-in clears the user's count (not the address's,
 * which may be shared by many users behind one NAT). Bounded: the oldest keys go first past `maxKeys`.
 */
export interface LoginLimit {
  max: number;
  windowMs: number;
}
export interface LoginLimits {
  perUser: LoginLimit;
  perAddress: LoginLimit;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perUser: { max: 5, windowMs: 5 * 60_000 },
  perAddress: { max: 30, windowMs: 5 * 60_000 },
};

export function createLoginLimiter(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now: () => number = Date.now, maxKeys = 10_000) {
  const failures = new Map<string, number[]>();

  function recent(key: string, windowMs: number): number[] {
    const at = now();
    const kept = (failures.get(key) ?? []).filter((t) => at - t < windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }
  /** Seconds until one more attempt is allowed for this key, or 0. */
  function wait(key: string, limit: LoginLimit): number {
    const r = recent(key, limit.windowMs);
    if (r.length < limit.max) return 0;
    return Math.max(1, Math.ceil((r[r.length - limit.max] + limit.windowMs - now()) / 1000));
  }
  const keys = (user: string, address: string) => ({ user: `u:${user.toLowerCase()}`, address: `a:${address}` });

  return {
    /** Seconds to wait before this user may try again from this address, or 0 to go ahead. */
    retryAfter(user: string, address: string): number {
      const k = keys(user, address);
      return Math.max(wait(k.user, limits.perUser), wait(k.address, limits.perAddress));
    },
    failed(user: string, address: string): void {
      const k = keys(user, address);
      for (const key of [k.user, k.address]) {
        const list = failures.get(key) ?? [];
        list.push(now());
        failures.delete(key);
        failures.set(key, list.slice(-Math.max(limits.perUser.max, limits.perAddress.max)));
      }
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    succeeded(user: string): void {
      failures.delete(keys(user, "").user);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
