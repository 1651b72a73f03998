/** The Overview's quota usage from Nova, Cinder and Neutron, on both targets, against each service's own answer. */
import { target } from "../../../tests/target";
import { login } from "../../../sim/test/os-session";
import { QuotaUsageSchema, RecentActionsSchema } from "../../features/overview/schema";
import { createAgent } from "../../test/test-app";

describe(`overview: quota usage (${target.name})`, () => {
  it("answers every service's bars with the numbers each service reports for the project", async () => {
    const a = createAgent();
    const me = await a.login("demo");
    const project = me.project.id;
    const os = await login("demo");
    // The real tier is shared: other work may change the usage meanwhile, so the BFF's number lies between two reads.
    const read = async () => ({
      nova: (await (await os.call("compute", `/os-quota-sets/${project}/detail`)).json()).quota_set,
      neutron: (await (await os.call("network", `/v2.0/quotas/${project}/details`)).json()).quota,
      cinder: (await (await os.call("volumev3", `/os-quota-sets/${project}?usage=True`)).json()).quota_set,
    });
    const before = await read();
    const res = await a.get("/api/overview/quotas");
    const after = await read();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(QuotaUsageSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.unavailable).toEqual([]);
    const between = (v: number, x: number, y: number) => {
      expect(v).toBeGreaterThanOrEqual(Math.min(x, y));
      expect(v).toBeLessThanOrEqual(Math.max(x, y));
    };
    const bar = (section: string, resource: string) =>
      res.body[section].find((b: { resource: string; volumeType: string | null }) => b.resource === resource && !b.volumeType);
    const cores = bar("compute", "cores");
    expect(cores).toMatchObject({ resource: "cores", volumeType: null, limit: before.nova.cores.limit });
    between(cores.used, before.nova.cores.in_use, after.nova.cores.in_use);
    const net = bar("network", "network");
    expect(net.limit).toBe(before.neutron.network.limit);
    between(net.used, before.neutron.network.used, after.neutron.network.used);
    const gb = bar("volume", "gigabytes");
    between(gb.used, before.cinder.gigabytes.in_use, after.cinder.gigabytes.in_use);
    // Cinder's per-type quotas that hold volumes are listed, per type.
    const typed = Object.keys(before.cinder).filter(
      (k) => /^volumes_.+/.test(k) && before.cinder[k].in_use > 0 && after.cinder[k]?.in_use > 0,
    );
    for (const k of typed)
      expect(res.body.volume).toContainEqual(expect.objectContaining({ resource: "volumes", volumeType: k.slice("volumes_".length) }));
  });

  it("needs a session", async () => {
    expect((await createAgent().get("/api/overview/quotas")).status).toBe(401);
  });
});

describe(`overview: recent actions (${target.name})`, () => {
  it("lists the project's instance actions newest first, each as Nova's action log has it, the user's own flagged", async () => {
    const a = createAgent();
    const me = await a.login("demo");
    const res = await a.get("/api/overview/recent-actions");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(RecentActionsSchema.safeParse(res.body).success).toBe(true);
    const os = await login("demo");
    const servers = (await (await os.call("compute", "/servers")).json()).servers as { id: string }[];
    if (!servers.length) return expect(res.body.items).toEqual([]);
    expect(res.body.serversRead).toBe(Math.min(10, servers.length));
    const ats = res.body.items.map((i: { at: string }) => i.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const first = res.body.items[0];
    expect(first).toBeDefined();
    const log = (await (await os.call("compute", `/servers/${first.serverId}/os-instance-actions`)).json()).instanceActions;
    const same = log.find((x: { request_id: string }) => x.request_id === first.requestId);
    expect(same).toMatchObject({ action: first.action, start_time: first.at });
    expect(first.mine).toBe(same.user_id === me.user.id);
  });
});
