import type { KeystoneProject, KeystoneToken } from "../openstack/keystone";

export interface CachedToken { body: KeystoneToken; projects: KeystoneProject[]; validatedAt: number }

/**
 * A short cache of validated tokens, so the BFF does not call Keystone on every request (Skyline does).
 * Entries live `ttlMs`; a 401 from any upstream evicts the token at once.
 */
export function createTokenCache(ttlMs: number, max = 5000, now: () => number = Date.now) {
  const entries = new Map<string, CachedToken>();
  return {
    get(token: string): CachedToken | undefined {
      const e = entries.get(token);
      if (!e) return undefined;
      if (now() - e.validatedAt > ttlMs || Date.parse(e.body.expires_at) <= now()) {
        entries.delete(token);
        return undefined;
      }
      return e;
    },
    set(token: string, body: KeystoneToken, projects: KeystoneProject[]): CachedToken {
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      const e = { body, projects, validatedAt: now() };
      entries.set(token, e);
      return e;
    },
    evict: (token: string) => void entries.delete(token),
    size: () => entries.size,
  };
}

export type TokenCache = ReturnType<typeof createTokenCache>;
