/** The Overview's quota usage from Nova, Cinder and Neutron, on both targets, against each service's own answer. */
import { target } from "../../../tests/target";
import { login } from "../../../sim/test/os-session";
import { QuotaUsageSchema } from "../../features/overview/schema";
import { createAgent } from "../../test/test-app";

describe(`overview: quota usage (${target.name})`, () => {
  it("answers every service's bars with the numbers each service reports for the project", async () => {
    const a = createAgent();
    const me = await a.login("demo");
    const res = await a.get("/api/overview/quotas");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(QuotaUsageSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.unavailable).toEqual([]);
    const os = await login("demo");
    const project = me.project?.id ?? me.projectId;
    const nova = (await (await os.call("compute", `/os-quota-sets/${project}/detail`)).json()).quota_set;
    const cores = res.body.compute.find((b: { resource: string }) => b.resource === "cores");
    expect(cores).toEqual({
      resource: "cores",
      volumeType: null,
      used: nova.cores.in_use,
      reserved: nova.cores.reserved ?? 0,
      limit: nova.cores.limit,
    });
    const neutron = (await (await os.call("network", `/v2.0/quotas/${project}/details`)).json()).quota;
    expect(res.body.network.find((b: { resource: string }) => b.resource === "network")).toMatchObject({
      used: neutron.network.used,
      limit: neutron.network.limit,
    });
    const cinder = (await (await os.call("volumev3", `/os-quota-sets/${project}?usage=True`)).json()).quota_set;
    expect(
      res.body.volume.find((b: { resource: string; volumeType: string | null }) => b.resource === "gigabytes" && !b.volumeType),
    ).toMatchObject({
      used: cinder.gigabytes.in_use,
    });
    // Cinder's per-type quota for the default type is listed once it holds any volume.
    const typed = Object.keys(cinder).filter((k) => /^volumes_.+/.test(k) && cinder[k].in_use > 0);
    for (const k of typed)
      expect(res.body.volume).toContainEqual(
        expect.objectContaining({ resource: "volumes", volumeType: k.slice("volumes_".length), used: cinder[k].in_use }),
      );
  });

  it("needs a session", async () => {
    expect((await createAgent().get("/api/overview/quotas")).status).toBe(401);
  });
});
