/**
 * Any replica serves any request: the session is a sealed cookie, opened by every replica that shares
 * ZENITH_SESSION_SECRET (scripts/scale-out/harness.sh: replicas a and b behind HAProxy).
 */
import { Browser, scaleOut } from "./client";

describe("scale-out: sessions across replicas", () => {
  const env = scaleOut();

  it("signed in through replica A, the same cookie continues through replica B and through HAProxy", async () => {
    const me = new Browser();
    const session = await me.login(env.a, "demo");
    expect(session).toMatchObject({ user: { name: "demo" } });
    const onB = await me.get(env.b, "/api/auth/session");
    expect(onB.status, JSON.stringify(onB.body)).toBe(200);
    expect(onB.body).toMatchObject({ user: { name: "demo" }, project: { name: "demo" } });
    const list = await me.get(env.b, "/api/instances");
    expect(list.status, JSON.stringify(list.body).slice(0, 200)).toBe(200);
    for (let i = 0; i < 4; i++) expect((await me.get(env.lb, "/api/auth/session")).status).toBe(200);
  });

  it("a project switch made on B is honoured by A (the cookie B re-sealed)", async () => {
    const me = new Browser();
    const session = await me.login(env.a, "admin");
    const demo = session.projects.find((p: { name: string }) => p.name === "demo");
    const sw = await me.post(env.b, "/api/auth/project", { projectId: demo.id });
    expect(sw.status, JSON.stringify(sw.body)).toBe(200);
    expect((await me.get(env.a, "/api/auth/session")).body).toMatchObject({ project: { name: "demo" } });
  });

  it("a cookie sealed by a replica with another secret is refused (the shared secret is what makes this work)", async () => {
    const me = new Browser();
    await me.login(env.a, "demo");
    const [name, value] = [...me.jar][0];
    me.jar.set(name, `${value.slice(0, -4)}AAAA`);
    expect((await me.get(env.b, "/api/auth/session")).status).toBe(401);
  });
});
