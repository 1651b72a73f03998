import { ApiError } from "../errors";
import type { Keystone, KeystoneToken } from "../openstack/keystone";
import type { SealedSession } from "./cookie";
import { createSessionService } from "./session-service";
import { createTokenCache } from "./token-cache";

const TTL = 30_000;
const cloud = {
  authUrl: "http://ks/v3",
  interface: "public",
  source: "ZENITH_AUTH_URL",
  userDomain: "Default",
  projectDomain: "Default",
} as const;
const tokenBody = (): KeystoneToken => ({
  expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  issued_at: new Date().toISOString(),
  methods: ["password"],
  user: { id: "u1", name: "demo", domain: { id: "default", name: "Default" } },
  project: { id: "p1", name: "demo", domain: { id: "default", name: "Default" } },
  roles: [{ id: "r1", name: "member" }],
  catalog: [],
});
const sealed = (token: string): SealedSession => ({ token, expiresAt: Date.now() + 3_600_000, method: "password" });

/** A Keystone double that counts validations and lets the test settle each one when it chooses. */
function countingKeystone() {
  const calls = { validate: 0, projects: 0 };
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const keystone = {
    validate: (token: string) => {
      calls.validate++;
      return new Promise<KeystoneToken>((resolve, reject) => pending.push({ resolve: () => resolve(tokenBody()), reject }));
    },
    projects: async () => (calls.projects++, [{ id: "p1", name: "demo", domain_id: "default", enabled: true }]),
  } as unknown as Keystone;
  const settleAll = async (how: "ok" | ApiError = "ok") => {
    for (const p of pending.splice(0)) how === "ok" ? p.resolve() : p.reject(how);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { keystone, calls, pending, settleAll };
}

function setup() {
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const ks = countingKeystone();
  const cache = createTokenCache(TTL, 100, clock.now);
  return { ...ks, clock, cache, svc: createSessionService(ks.keystone, cache, cloud) };
}

describe("session resolve: single-flight token validation", () => {
  it("shares one validation among N concurrent misses for one token", async () => {
    const s = setup();
    const all = Array.from({ length: 8 }, () => s.svc.resolve(sealed("tok-a")));
    expect(s.cache.inflight()).toBe(1);
    await s.settleAll();
    const sessions = await Promise.all(all);
    expect(s.calls).toEqual({ validate: 1, projects: 1 });
    expect(sessions.every((r) => r.projectId === "p1")).toBe(true);
    expect(s.cache.inflight()).toBe(0);
    // Within the cache time: no Keystone call at all.
    await s.svc.resolve(sealed("tok-a"));
    expect(s.calls.validate).toBe(1);
  });

  it("validates separately for different tokens", async () => {
    const s = setup();
    const all = [s.svc.resolve(sealed("tok-a")), s.svc.resolve(sealed("tok-b")), s.svc.resolve(sealed("tok-a"))];
    await s.settleAll();
    await Promise.all(all);
    expect(s.calls.validate).toBe(2);
  });

  it("validates again once the cache time has passed (a revoked token ends within it)", async () => {
    const s = setup();
    const first = s.svc.resolve(sealed("tok-a"));
    await s.settleAll();
    await first;
    s.clock.advance(TTL + 1);
    const again = Promise.all([s.svc.resolve(sealed("tok-a")), s.svc.resolve(sealed("tok-a"))]);
    expect(s.pending).toHaveLength(1);
    const refused = expect(again).rejects.toMatchObject({ status: 401, code: "session_expired" });
    await s.settleAll(new ApiError(404, "not_found", "token not found"));
    await refused;
    expect(s.calls.validate).toBe(2);
  });

  it("does not hand a failed validation to later callers, nor cache it", async () => {
    const s = setup();
    const a = s.svc.resolve(sealed("tok-a"));
    const b = s.svc.resolve(sealed("tok-a"));
    const failed = Promise.allSettled([a, b]);
    await s.settleAll(new ApiError(503, "upstream_unavailable", "Keystone is down"));
    expect((await failed).map((r) => r.status === "rejected" && (r.reason as ApiError).status)).toEqual([503, 503]);
    expect(s.calls.validate).toBe(1);
    expect(s.cache.inflight()).toBe(0);
    expect(s.cache.size()).toBe(0);
    const later = s.svc.resolve(sealed("tok-a"));
    expect(s.calls.validate).toBe(2);
    await s.settleAll();
    expect((await later).projectId).toBe("p1");
  });

  it("evicts on an upstream 401: the next request validates again", async () => {
    const s = setup();
    const first = s.svc.resolve(sealed("tok-a"));
    await s.settleAll();
    await first;
    s.svc.evict("tok-a");
    const next = s.svc.resolve(sealed("tok-a"));
    expect(s.calls.validate).toBe(2);
    await s.settleAll();
    await next;
  });

  it("an eviction during a validation keeps its result out of the cache", async () => {
    const s = setup();
    const inFlight = s.svc.resolve(sealed("tok-a"));
    s.svc.evict("tok-a");
    expect(s.cache.inflight()).toBe(0);
    await s.settleAll();
    await inFlight;
    expect(s.cache.size()).toBe(0);
    const next = s.svc.resolve(sealed("tok-a"));
    expect(s.calls.validate).toBe(2);
    await s.settleAll();
    await next;
  });
});
