/** Admin → Hypervisors and services, read-only, on both targets; a member gets 403 from the BFF's role gate. */
import { target } from "../../../tests/target";
import { InfrastructureSchema } from "../../features/infrastructure/schema";
import { createAgent } from "../../test/test-app";

describe(`admin: hypervisors and services (${target.name})`, () => {
  it("lists Nova's hypervisors and services and Cinder's services for an admin", async () => {
    const a = createAgent();
    await a.login("admin");
    const res = await a.get("/api/admin/infrastructure");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(InfrastructureSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.unavailable).toEqual([]);
    expect(res.body.hypervisors.length).toBeGreaterThan(0);
    expect(res.body.hypervisors[0]).toMatchObject({ hostname: expect.any(String), state: "up", status: "enabled" });
    const binaries = new Set(res.body.services.map((s: { binary: string }) => s.binary));
    for (const b of ["nova-compute", "nova-scheduler", "nova-conductor", "cinder-scheduler", "cinder-volume"])
      expect(binaries).toContain(b);
    // Every nova-compute service has a hypervisor of the same host.
    const hosts = new Set(res.body.hypervisors.map((h: { hostname: string }) => h.hostname.split(".")[0]));
    for (const s of res.body.services.filter((x: { binary: string }) => x.binary === "nova-compute"))
      expect(hosts).toContain(s.host.split(".")[0]);
  });

  it("refuses a member: the BFF gates on the token's roles", async () => {
    const a = createAgent();
    await a.login("demo");
    const res = await a.get("/api/admin/infrastructure");
    expect(res).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });
});
