import { sealData, unsealData } from "iron-session";
import { SessionSchema } from "../../features/auth/schema";
import { SESSION_COOKIE, type SealedSession } from "../../session/cookie";
import { APP_ORIGIN, TEST_SECRET, createAgent, keystoneToken, testDeps } from "../../test/test-app";
import { target } from "../../../tests/target";

async function tokenOf(cookie: string): Promise<SealedSession> {
  return unsealData<SealedSession>(decodeURIComponent(cookie.split("=").slice(1).join("=")), { password: TEST_SECRET, ttl: 0 });
}

async function keystoneSays(token: string): Promise<number> {
  const admin = await keystoneToken("admin");
  const res = await fetch(`${target.authUrl}/auth/tokens`, { headers: { "X-Auth-Token": admin.token, "X-Subject-Token": token } });
  await res.text();
  return res.status;
}

describe(`sessions against Keystone (${target.name})`, () => {
  it("rejects a bad password with a readable 401, not a 500", async () => {
    const a = createAgent();
    const res = await a.post("/api/auth/login", { username: target.users.demo.username, password: "wrong-password" });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("invalid_credentials");
    expect(res.body.message).toMatch(/Wrong username/);
    expect(res.body.requestId).toMatch(/^req-/);
    expect(res.setCookie).toBeNull();
  });

  it("validates the login body and names the field", async () => {
    const a = createAgent();
    const res = await a.post("/api/auth/login", { username: "demo" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("bad_request");
    expect(res.body.message).toMatch(/password|body/);
  });

  it("logs in, reads the session, and keeps the token only in a sealed HttpOnly cookie", async () => {
    const a = createAgent();
    const body = await a.login("demo");
    expect(SessionSchema.safeParse(body).success).toBe(true);
    expect(body.project.name).toBe("demo");
    expect(body.roles).toContain("member");
    expect(body.isAdmin).toBe(false);
    expect(body.region).toBe(target.region);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(body)).not.toContain((await tokenOf(a.cookie())).token);
    const session = await a.get("/api/auth/session");
    expect(session.status).toBe(200);
    expect(session.body.user.name).toBe("demo");
  });

  it("with no project asked for: the default project, else the last one used, else one where the user holds admin", async () => {
    // Keystone's wire for the seeded users: demo has default_project_id demo, admin none (keystone-manage bootstrap).
    const self = async (who: "admin" | "demo") => {
      const k = await keystoneToken(who);
      const res = await fetch(`${target.authUrl}/users/${k.body.user.id}`, { headers: { "X-Auth-Token": k.token } });
      expect(res.status).toBe(200);
      return (await res.json()).user;
    };
    const demoUser = await self("demo");
    expect(demoUser.default_project_id).toMatch(/^[0-9a-f]{32}$/);
    expect(await self("admin")).not.toHaveProperty("default_project_id");

    const demo = await createAgent().login("demo");
    expect(demo.project).toMatchObject({ id: demoUser.default_project_id, name: "demo" });
    // Admin holds admin in both admin and demo, and Keystone may list demo first: admin lands in admin.
    const a = createAgent();
    const admin = await a.login("admin");
    expect(admin.project.name).toBe("admin");
    expect(admin.isAdmin).toBe(true);
    // Switch to demo and sign out: the next sign-in in this browser lands in demo, the last project used.
    const demoProject = admin.projects.find((p: { name: string }) => p.name === "demo");
    expect((await a.post("/api/auth/project", { projectId: demoProject.id })).status).toBe(200);
    expect(a.cookies().get("zenith_last_project")).toContain(demoProject.id);
    expect((await a.post("/api/auth/logout")).status).toBe(204);
    expect(a.cookie()).toBe("");
    expect((await a.login("admin")).project.name).toBe("demo");
    // The cookie is per user: once demo has signed in in this browser, admin's next sign-in is back in admin.
    expect((await a.login("demo")).project.name).toBe("demo");
    expect((await a.login("admin")).project.name).toBe("admin");
  });

  it("sets HttpOnly, SameSite=Strict, and Secure only over https", async () => {
    const a = createAgent();
    const u = target.users.demo;
    const plain = await a.post("/api/auth/login", { username: u.username, password: u.password });
    expect(plain.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(plain.setCookie).toMatch(/HttpOnly/);
    expect(plain.setCookie).toMatch(/SameSite=Strict/);
    expect(plain.setCookie).not.toMatch(/Secure/);
    const tls = await a.post(
      "/api/auth/login",
      { username: u.username, password: u.password },
      { headers: { "x-forwarded-proto": "https" } },
    );
    expect(tls.setCookie).toMatch(/Secure/);
    // Over https the cookie is __Host- prefixed (Secure, Path=/, no Domain), and only that name is read.
    expect(tls.setCookie).toMatch(new RegExp(`^__Host-${SESSION_COOKIE}=`));
    expect(tls.setCookie).toMatch(/Path=\//);
    expect(tls.setCookie).not.toMatch(/Domain=/i);
    const value = tls.setCookie!.split(";")[0].split("=").slice(1).join("=");
    const https = { "x-forwarded-proto": "https" };
    const holding = (cookie: string) => {
      const b = createAgent(a.deps);
      b.setCookie(cookie);
      return b;
    };
    expect((await holding(`__Host-${SESSION_COOKIE}=${value}`).get("/api/auth/session", { headers: https })).status).toBe(200);
    expect((await holding(`${SESSION_COOKIE}=${value}`).get("/api/auth/session", { headers: https })).status).toBe(401);
    expect((await holding(`${SESSION_COOKIE}=${value}`).get("/api/auth/session")).status).toBe(200);
  });

  it("scopes to the requested project, switches project, and logs out so Keystone rejects the old token", async () => {
    const a = createAgent();
    const first = await a.login("admin", "admin");
    expect(first.project.name).toBe("admin");
    expect(first.projects.map((p: any) => p.name).sort()).toEqual(expect.arrayContaining(["admin", "demo"]));
    const demo = first.projects.find((p: any) => p.name === "demo");
    const switched = await a.post("/api/auth/project", { projectId: demo.id });
    expect(switched.status).toBe(200);
    expect(switched.body.project.name).toBe("demo");
    expect(switched.body.isAdmin).toBe(true);
    const sealed = await tokenOf(a.cookie());
    expect(await keystoneSays(sealed.token)).toBe(200);
    const out = await a.post("/api/auth/logout");
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/Max-Age=0/);
    expect(await keystoneSays(sealed.token)).toBe(404);
    expect((await a.get("/api/auth/session")).status).toBe(401);
  });

  it("refuses a switch to a project the user has no role on", async () => {
    const a = createAgent();
    await a.login("demo");
    const res = await a.post("/api/auth/project", { projectId: "0123456789abcdef0123456789abcdef" });
    expect(res.status).toBe(403);
  });

  it("guards state changes: no CSRF header or a foreign Origin gives 403 csrf", async () => {
    const a = createAgent();
    await a.login("demo");
    const noHeader = await a.post("/api/auth/logout", undefined, { csrf: false });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe("csrf");
    const foreign = await a.post("/api/auth/logout", undefined, { headers: { origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe("csrf");
    const loginNoHeader = await createAgent().post("/api/auth/login", { username: "demo", password: "x" }, { csrf: false });
    expect(loginNoHeader.status).toBe(403);
    const own = await a.post("/api/auth/logout", undefined, { headers: { origin: APP_ORIGIN, host: "127.0.0.1:3000" } });
    expect(own.status).toBe(204);
  });

  it("gates admin routes on the token's roles: a member gets 403, an admin the service probes", async () => {
    const member = createAgent();
    await member.login("demo");
    const denied = await member.get("/api/admin/services");
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("forbidden");

    const admin = createAgent();
    await admin.login("admin", "admin");
    const res = await admin.get("/api/admin/services");
    expect(res.status).toBe(200);
    const identity = res.body.services.find((s: any) => s.type === "identity");
    expect(identity.reachable).toBe(true);
    expect(identity.version.id).toMatch(/^v3/);
    expect(identity.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("answers 401 session_expired for an expired token", async () => {
    const a = createAgent();
    await a.login("demo");
    const sealed = await tokenOf(a.cookie());
    const expired = await sealData({ ...sealed, expiresAt: Date.now() - 1000 }, { password: TEST_SECRET, ttl: 3600 });
    a.setCookie(`${SESSION_COOKIE}=${expired}`);
    const res = await a.get("/api/auth/session");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("session_expired");
  });

  it("answers 401 session_expired once Keystone revokes the token", async () => {
    const a = createAgent(testDeps({ tokenCacheMs: 0 }));
    await a.login("demo");
    const sealed = await tokenOf(a.cookie());
    const admin = await keystoneToken("admin");
    const del = await fetch(`${target.authUrl}/auth/tokens`, {
      method: "DELETE",
      headers: { "X-Auth-Token": admin.token, "X-Subject-Token": sealed.token },
    });
    expect(del.status).toBe(204);
    const res = await a.get("/api/auth/session");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("session_expired");
  });

  it("caches token validation: repeated requests do not call Keystone each time", async () => {
    const deps = testDeps();
    const a = createAgent(deps);
    await a.login("demo");
    const before = deps.calls.filter((c) => c.service === "identity").length;
    for (let i = 0; i < 5; i++) expect((await a.get("/api/auth/session")).status).toBe(200);
    expect(deps.calls.filter((c) => c.service === "identity").length).toBe(before);
  });

  it("validates once when the layout and the page miss the token cache together", async () => {
    const a = createAgent();
    await a.login("demo");
    // A fresh app has an empty cache, as the shared one is once the entry's 30 s have passed.
    const deps = testDeps();
    const cold = createAgent(deps);
    cold.setCookie(a.cookie());
    const [layout, page] = await Promise.all([cold.get("/api/auth/session"), cold.get("/api/catalog")]);
    expect([layout.status, page.status]).toEqual([200, 200]);
    const validations = deps.calls.filter(
      (c) => c.service === "identity" && c.method === "GET" && new URL(c.url).pathname.endsWith("/auth/tokens"),
    );
    expect(validations).toHaveLength(1);
    expect(deps.calls.filter((c) => c.service === "identity")).toHaveLength(2);
  });

  it("logs in with an application credential, which cannot switch projects", async () => {
    const demo = await keystoneToken("demo");
    const name = `zenith-test-${Date.now()}`;
    const created = await fetch(`${target.authUrl}/users/${demo.body.user.id}/application_credentials`, {
      method: "POST",
      headers: { "X-Auth-Token": demo.token, "content-type": "application/json" },
      body: JSON.stringify({ application_credential: { name } }),
    });
    expect(created.status).toBe(201);
    const cred = (await created.json()).application_credential;
    try {
      const a = createAgent();
      const res = await a.post("/api/auth/login", { applicationCredentialId: cred.id, applicationCredentialSecret: cred.secret });
      expect(res.status).toBe(200);
      expect(res.body.authMethod).toBe("application_credential");
      expect(res.body.project.name).toBe("demo");
      const sw = await a.post("/api/auth/project", { projectId: res.body.project.id });
      expect(sw.status).toBe(409);
      expect(sw.body.code).toBe("rescope_not_allowed");
      const bad = await createAgent().post("/api/auth/login", { applicationCredentialId: cred.id, applicationCredentialSecret: "nope" });
      expect(bad.status).toBe(401);
    } finally {
      await fetch(`${target.authUrl}/users/${demo.body.user.id}/application_credentials/${cred.id}`, {
        method: "DELETE",
        headers: { "X-Auth-Token": demo.token },
      });
    }
  });

  it("proxies to a catalog service with the session's token and names the service in errors", async () => {
    const a = createAgent();
    await a.login("demo");
    const ok = await a.get("/api/openstack/identity/auth/projects");
    expect(ok.status).toBe(200);
    expect(ok.body.projects.some((p: any) => p.name === "demo")).toBe(true);
    const missing = await a.get("/api/openstack/identity/no-such-thing");
    expect(missing.status).toBe(404);
    expect(missing.body.service).toBe("identity");
    expect(missing.body.message).toMatch(/^Keystone \(identity\) answered 404/);
    const bad = await a.get("/api/openstack/telemetry/x");
    expect(bad.status).toBe(400);
    expect((await createAgent().get("/api/openstack/identity/auth/projects")).status).toBe(401);
  });
});
