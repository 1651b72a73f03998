/**
 * Networking self-service through the BFF, on both targets: a network with its subnet, ports, a router with gateway
 * and interface, a floating IP associated with an instance's port, and the topology that shows them. The real tier
 * has no external network of its own, so an admin makes one here (and removes it afterwards).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nanoid } from "nanoid";
import { target } from "../../../tests/target";
import { login, type OsSession } from "../../../sim/test/os-session";
import { Cleanup, deleteGone, makeNetwork } from "../../../sim/test/fixtures";
import { createAgent } from "../../test/test-app";
import { bootTestServer, deleteQuietly, waitFor } from "../../test/instance-helpers";
import { NetworkDetailSchema } from "../../features/networks/schema";
import { RouterListSchema, RouterSummarySchema } from "../../features/routers/schema";
import { FloatingIpListSchema, FloatingIpSchema } from "../../features/floating-ips/schema";
import { TopologySchema } from "../../features/topology/schema";

describe(`networking self-service (${target.name})`, () => {
  const a = createAgent();
  const cleanup = new Cleanup();
  const tag = `zt-nw-${nanoid(6)}`;
  let admin: OsSession, demo: OsSession;
  let ext: { id: string };
  let networkId = "",
    subnetId = "",
    routerId = "",
    serverId = "";

  beforeAll(async () => {
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    ext = (await makeNetwork(admin, cleanup, `${tag}-ext`, "203.0.113.0/24", { "router:external": true })).network;
    await a.login("demo");
  });
  afterAll(async () => {
    if (serverId) {
      await deleteQuietly(demo, serverId);
      await waitFor(demo, serverId, (s) => s === 404).catch(() => undefined);
    }
    if (routerId) {
      await demo.call("network", `/v2.0/routers/${routerId}/remove_router_interface`, { method: "PUT", json: { subnet_id: subnetId } });
      await deleteGone(demo, "network", `/v2.0/routers/${routerId}`);
    }
    if (networkId) await deleteGone(demo, "network", `/v2.0/networks/${networkId}`);
    await cleanup.run();
  });

  it("needs a session and the CSRF header", async () => {
    const anon = createAgent();
    for (const path of ["/api/routers", "/api/floating-ips", "/api/topology", "/api/networks/x"])
      expect((await anon.get(path)).status).toBe(401);
    const noCsrf = await a.post("/api/networks", { name: "x" }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe("csrf");
  });

  it("refuses a bad CIDR at the field before Neutron is asked", async () => {
    const res = await a.post("/api/networks", { name: `${tag}-bad`, subnet: { cidr: "10.88.0.1/24" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "bad_request", field: "body.subnet.cidr" });
    expect(res.body.message).toContain("did you mean 10.88.0.0/24");
  });

  it("creates a network without a subnet and deletes it; a second delete is Neutron's 404", async () => {
    const res = await a.post("/api/networks", { name: `${tag}-bare` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.subnets).toEqual([]);
    expect((await a.request("DELETE", `/api/networks/${res.body.network.id}`)).status).toBe(204);
    const again = await a.request("DELETE", `/api/networks/${res.body.network.id}`);
    expect(again.status).toBe(404);
    expect(again.body.service).toBe("network");
  });

  it("creates a network with its subnet and shows it with its ports", async () => {
    const res = await a.post("/api/networks", { name: `${tag}-net`, subnet: { name: `${tag}-sub`, cidr: "10.88.0.0/24" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(NetworkDetailSchema.safeParse(res.body).success).toBe(true);
    networkId = res.body.network.id;
    subnetId = res.body.subnets[0].id;
    expect(res.body.subnets[0]).toMatchObject({ cidr: "10.88.0.0/24", gateway: "10.88.0.1", dhcp: true });
    const port = await a.post(`/api/networks/${networkId}/ports`, { name: `${tag}-p` });
    expect(port.status).toBe(201);
    const free = port.body.ports.find((p: { name: string }) => p.name === `${tag}-p`);
    expect(free).toMatchObject({ kind: "none", deletable: true, reason: null });
    expect((await a.request("DELETE", `/api/networks/${networkId}/ports/${free.id}`)).status).toBe(204);
    expect((await a.request("DELETE", `/api/networks/${networkId}/ports/${free.id}`)).status).toBe(404);
    const missing = await a.get("/api/networks/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.service).toBe("network");
  });

  it("creates a router, sets its gateway, attaches the subnet, and refuses a second attach naming Neutron", async () => {
    const res = await a.post("/api/routers", { name: `${tag}-r` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    routerId = res.body.id;
    const gw = await a.request("PUT", `/api/routers/${routerId}/gateway`, { json: { externalNetworkId: ext.id } });
    expect(gw.status).toBe(200);
    expect(RouterSummarySchema.parse(gw.body).gateway).toMatchObject({ networkId: ext.id, ips: [expect.stringMatching(/^203\.0\.113\./)] });
    const add = await a.post(`/api/routers/${routerId}/interfaces`, { subnetId });
    expect(add.status).toBe(200);
    expect(add.body.interfaces).toEqual([expect.objectContaining({ subnetId, ipAddress: "10.88.0.1", networkId })]);
    const again = await a.post(`/api/routers/${routerId}/interfaces`, { subnetId });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: "upstream_bad_request", service: "network" });
    const inUse = await a.request("DELETE", `/api/routers/${routerId}`);
    expect(inUse.status).toBe(409);
    const list = await a.get("/api/routers");
    expect(RouterListSchema.safeParse(list.body).success).toBe(true);
    expect(list.body.externalNetworks.map((n: { id: string }) => n.id)).toContain(ext.id);
    expect(list.body.subnets.map((s: { id: string }) => s.id)).toContain(subnetId);
    const detail = await a.get(`/api/networks/${networkId}`);
    const ifPort = detail.body.ports.find((p: { kind: string }) => p.kind === "router");
    const refused = await a.request("DELETE", `/api/networks/${networkId}/ports/${ifPort.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "port_not_deletable", details: { reason: "owned_by_router" } });
  });

  it("allocates a floating IP, associates it with an instance's port, disassociates and releases it", async () => {
    ({ id: serverId } = await bootTestServer(`${tag}-vm`, [{ uuid: networkId }]));
    const list = await a.get("/api/floating-ips");
    expect(list.status).toBe(200);
    expect(FloatingIpListSchema.safeParse(list.body).success).toBe(true);
    const target_ = list.body.targets.find((t: { instance: { id: string } }) => t.instance.id === serverId);
    expect(target_).toMatchObject({ instance: { name: `${tag}-vm` }, reachableFrom: [ext.id] });

    const alloc = await a.post("/api/floating-ips", { externalNetworkId: ext.id });
    expect(alloc.status, JSON.stringify(alloc.body)).toBe(201);
    const fip = FloatingIpSchema.parse(alloc.body);
    cleanup.add(`floating IP ${fip.id}`, () => deleteGone(demo, "network", `/v2.0/floatingips/${fip.id}`));
    expect(fip).toMatchObject({ networkId: ext.id, portId: null, instance: null });

    const assoc = await a.request("PUT", `/api/floating-ips/${fip.id}/port`, { json: { portId: target_.portId } });
    expect(assoc.status, JSON.stringify(assoc.body)).toBe(200);
    expect(assoc.body).toMatchObject({ portId: target_.portId, fixedIp: target_.fixedIp, routerId, instance: { id: serverId } });

    const topo = await a.get("/api/topology");
    expect(TopologySchema.safeParse(topo.body).success).toBe(true);
    const edges = topo.body.edges.map((e: { from: string; to: string; kind: string }) => `${e.kind}:${e.from}>${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([`gateway:${routerId}>${ext.id}`, `interface:${routerId}>${networkId}`, `port:${serverId}>${networkId}`]),
    );

    const stuck = await a.request("PUT", `/api/routers/${routerId}/gateway`, { json: { externalNetworkId: null } });
    expect(stuck.status).toBe(409);
    expect(stuck.body.service).toBe("network");

    const dis = await a.request("PUT", `/api/floating-ips/${fip.id}/port`, { json: { portId: null } });
    expect(dis.body).toMatchObject({ portId: null, instance: null });
    expect((await a.request("DELETE", `/api/floating-ips/${fip.id}`)).status).toBe(204);
    expect((await a.request("DELETE", `/api/floating-ips/${fip.id}`)).status).toBe(404);
  });

  it("clears the gateway and detaches the subnet", async () => {
    const cleared = await a.request("PUT", `/api/routers/${routerId}/gateway`, { json: { externalNetworkId: null } });
    expect(cleared.body.gateway).toBeNull();
    const rm = await a.request("DELETE", `/api/routers/${routerId}/interfaces/${subnetId}`);
    expect(rm.status).toBe(200);
    expect(rm.body.interfaces).toEqual([]);
  });
});
