import { sealData, unsealData } from "iron-session";
import { SESSION_COOKIE, type SealedSession } from "../../session/cookie";
import { TEST_SECRET, createAgent, keystoneToken, testDeps } from "../../test/test-app";
import { target } from "../../../tests/target";

/** Issue 14, finding 6, on both targets: project switch revokes, logout always clears, rotation, login limits. */
const cookieValue = (cookie: string) => decodeURIComponent(cookie.split("=").slice(1).join("="));
const tokenOf = (cookie: string, password = TEST_SECRET) => unsealData<SealedSession>(cookieValue(cookie), { password, ttl: 0 });

async function keystoneSays(token: string): Promise<number> {
  const admin = await keystoneToken("admin");
  const res = await fetch(`${target.authUrl}/auth/tokens`, { headers: { "X-Auth-Token": admin.token, "X-Subject-Token": token } });
  await res.text();
  return res.status;
}

describe(`session hardening (${target.name})`, () => {
  it("switching project revokes the previous project's token", async () => {
    const a = createAgent();
    const first = await a.login("admin", "admin");
    const before = await tokenOf(a.cookie());
    const demo = first.projects.find((p: any) => p.name === "demo");
    expect((await a.post("/api/auth/project", { projectId: demo.id })).status).toBe(200);
    const after = await tokenOf(a.cookie());
    expect(after.token).not.toBe(before.token);
    expect(await keystoneSays(before.token)).toBe(404);
    expect(await keystoneSays(after.token)).toBe(200);
    // A copy of the old cookie is no session any more.
    const copy = createAgent(a.deps);
    copy.setCookie(`${SESSION_COOKIE}=${encodeURIComponent(await sealData(before, { password: TEST_SECRET }))}`);
    expect((await copy.get("/api/auth/session")).status).toBe(401);
  });

  it("logout clears the cookie even when Keystone's revoke fails", async () => {
    const deps = testDeps({
      fetch: async (input, init) =>
        init?.method === "DELETE" && String(input).endsWith("/auth/tokens")
          ? new Response('{"error":{"code":503,"message":"Service Unavailable"}}', { status: 503 })
          : globalThis.fetch(input, init),
    });
    const a = createAgent(deps);
    await a.login("demo");
    const sealed = await tokenOf(a.cookie());
    const out = await a.post("/api/auth/logout");
    expect(out.status).toBe(502);
    expect(out.body.service).toBe("identity");
    expect(out.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(a.cookie()).toBe("");
    // The failure is reported, not hidden: Keystone still holds the token, which expires on its own.
    expect(await keystoneSays(sealed.token)).toBe(200);
    expect((await a.get("/api/auth/session")).status).toBe(401);
  });

  it("accepts cookies sealed with the retiring secret during a rotation, and seals new ones with the new secret", async () => {
    const old = createAgent();
    await old.login("demo");
    const next = "zenith-rotated-secret-0123456789abcdef";
    const rotating = createAgent(testDeps({ sessionSecret: next, sessionSecretPrevious: TEST_SECRET }));
    rotating.setCookie(old.cookie());
    expect((await rotating.get("/api/auth/session")).status).toBe(200);
    const fresh = createAgent(rotating.deps);
    await fresh.login("demo");
    expect((await tokenOf(fresh.cookie(), next)).token).toBeTruthy();
    const rotated = createAgent(testDeps({ sessionSecret: next }));
    rotated.setCookie(old.cookie());
    expect((await rotated.get("/api/auth/session")).status).toBe(401);
  });

  it("rate-limits failed sign-ins per user and per address: 429 with Retry-After, without asking Keystone", async () => {
    const deps = testDeps({ loginLimits: { perUser: { max: 2, windowMs: 60_000 }, perAddress: { max: 3, windowMs: 60_000 } } });
    const a = createAgent(deps);
    const u = target.users.demo;
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
    for (let i = 0; i < 2; i++)
      expect((await a.post("/api/auth/login", { username: u.username, password: "wrong" }, from("10.9.0.1"))).status).toBe(401);
    const keystoneCalls = deps.calls.length;
    const limited = await a.post("/api/auth/login", { username: u.username, password: u.password }, from("10.9.0.2"));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("too_many_attempts");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(deps.calls.length).toBe(keystoneCalls);
    // Per address: one more failure from 10.9.0.1 (another user) fills its window; then even a right password waits.
    expect((await a.post("/api/auth/login", { username: "nobody-here", password: "wrong" }, from("10.9.0.1"))).status).toBe(401);
    expect(
      (await a.post("/api/auth/login", { username: target.users.admin.username, password: target.users.admin.password }, from("10.9.0.1")))
        .status,
    ).toBe(429);
    // Another user from another address is untouched.
    expect(
      (await a.post("/api/auth/login", { username: target.users.admin.username, password: target.users.admin.password }, from("10.9.0.3")))
        .status,
    ).toBe(200);
  });
});
