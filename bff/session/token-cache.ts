import { createTtlCache } from "../lib/ttl-cache";
import type { KeystoneProject, KeystoneToken } from "../openstack/keystone";

export interface CachedToken {
  body: KeystoneToken;
  projects: KeystoneProject[];
  validatedAt: number;
}

/**
 * A short cache of validated tokens, so the BFF does not call Keystone on every request (Skyline does).
 * Entries live `ttlMs` (and never past the token's own expiry); a 401 from any upstream evicts the token at once,
 * so a revoked token ends within `ttlMs`. Validation is single-flight: when the entry has expired and the layout
 * and the page miss together, they share one validation; a failed one is not cached, nor handed to later callers.
 */
export function createTokenCache(ttlMs: number, max = 5000, now: () => number = Date.now) {
  const cache = createTtlCache<CachedToken>({ ttlMs, max, now, valid: (e) => Date.parse(e.body.expires_at) > now() });
  return {
    get: (token: string): CachedToken | undefined => cache.peek(token),
    set: (token: string, body: KeystoneToken, projects: KeystoneProject[]): CachedToken =>
      cache.set(token, { body, projects, validatedAt: now() }),
    /** The cached entry, or the validation in flight for this token, or a new one (`validate`). */
    resolve: (token: string, validate: () => Promise<Omit<CachedToken, "validatedAt">>): Promise<CachedToken> =>
      cache.get(token, async () => ({ ...(await validate()), validatedAt: now() })),
    evict: (token: string) => cache.delete(token),
    size: () => cache.size(),
    inflight: () => cache.inflightSize(),
  };
}

export type TokenCache = ReturnType<typeof createTokenCache>;
