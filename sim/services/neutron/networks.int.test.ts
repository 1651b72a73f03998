/**
 * Networks, subnets, ports and security groups: visibility, filters, CRUD and Neutron's error bodies.
 * Runs on both targets on networks it creates itself (uniquely named, removed afterwards); the sim's seeded
 * networks (default scenario) are checked on the sim only, where they exist.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { Cleanup, deleteGone, makeNetwork, uniqueName } from "../../test/fixtures";

describe("neutron core resources", () => {
  let admin: OsSession, demo: OsSession;
  const cleanup = new Cleanup();
  const get = async (s: OsSession, path: string) => {
    const res = await s.call("network", path);
    expect(res.status, path).toBe(200);
    return res.json();
  };
  const names = (list: { name: string }[]) => list.map((n) => n.name).sort();
  const P = uniqueName("net");
  // Own networks: two of demo's (one with a subnet), one of admin's that demo must not see.
  let mineA: { id: string }, adminNet: { id: string }, mineSubnet: { id: string; cidr: string; gateway_ip: string };

  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" }); // the seeded networks below are the default scenario's
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    const a = await makeNetwork(demo, cleanup, `${P}-a`, "10.61.7.0/24");
    mineA = a.network;
    mineSubnet = a.subnet!;
    await makeNetwork(demo, cleanup, `${P}-b`); // a second own network: the list must hold both
    adminNet = (await makeNetwork(admin, cleanup, `${P}-admin`)).network;
  });
  afterAll(() => cleanup.run());

  it("serves the version document at the endpoint and at endpoint/ without a token", async () => {
    const base = admin.endpoint("network");
    for (const url of [base, `${base}/`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(await res.json()).toEqual({ versions: [{ id: "v2.0", status: "CURRENT", links: [{ href: `${base}/v2.0/`, rel: "self" }] }] });
    }
  });

  it("needs a token under /v2.0 (Keystone's 401 body)", async () => {
    const res = await fetch(`${admin.endpoint("network")}/v2.0/networks`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Keystone uri=");
  });

  it("admin sees every network with provider attributes; demo sees its own and shared ones only", async () => {
    const all = (await get(admin, "/v2.0/networks")).networks as { id: string; name: string; shared: boolean; project_id: string }[];
    expect(names(all.filter((n) => n.name.startsWith(P)))).toEqual([`${P}-a`, `${P}-admin`, `${P}-b`]);
    expect(all.find((n) => n.id === adminNet.id)).toHaveProperty("provider:network_type");
    const mine = (await get(demo, "/v2.0/networks")).networks as typeof all;
    expect(names(mine.filter((n) => n.name.startsWith(P)))).toEqual([`${P}-a`, `${P}-b`]);
    for (const n of mine) expect(n.shared || n.project_id === demo.projectId, n.name).toBe(true);
    expect(mine.find((n) => n.id === mineA.id)).not.toHaveProperty("provider:network_type");
    // Precondition stated: the sim's default scenario seeds four cs1 VLAN networks, demo-net and a shared provider network.
    if (onSim) {
      expect(names(all.filter((n) => !n.name.startsWith("zt-")))).toEqual([
        "cs1-fzjh-24",
        "cs1-yw-1",
        "cs1-yw-2",
        "cs1-yw-3",
        "demo-net",
        "provider",
      ]);
      expect(all.find((n) => n.name === "cs1-yw-1")).toMatchObject({
        "provider:network_type": "vlan",
        "provider:physical_network": "physnet1",
        "provider:segmentation_id": 1016,
        status: "ACTIVE",
      });
      expect(names(mine.filter((n) => !n.name.startsWith("zt-")))).toEqual(["demo-net", "provider"]);
    }
  });

  it("a subnet gets Neutron's default gateway (.1) and allocation pool (.2–.254)", async () => {
    const fields = "fields=name&fields=cidr&fields=gateway_ip&fields=allocation_pools";
    const [own] = (await get(demo, `/v2.0/subnets?id=${mineSubnet.id}&${fields}`)).subnets;
    expect(own).toEqual({
      name: `${P}-a-subnet`,
      cidr: "10.61.7.0/24",
      gateway_ip: "10.61.7.1",
      allocation_pools: [{ start: "10.61.7.2", end: "10.61.7.254" }],
    });
    // Precondition stated: the sim's default scenario puts the cs1 networks on 21.49.x.0/24 and demo-subnet on 10.0.0.0/24.
    if (onSim) {
      const subnets = (await get(admin, `/v2.0/subnets?${fields}`)).subnets as { name: string; cidr: string }[];
      expect(subnets.find((s) => s.name === "cs1-yw-1-subnet")).toEqual({
        name: "cs1-yw-1-subnet",
        cidr: "21.49.16.0/24",
        gateway_ip: "21.49.16.1",
        allocation_pools: [{ start: "21.49.16.2", end: "21.49.16.254" }],
      });
      expect(
        subnets
          .filter((s) => s.cidr.startsWith("21.49."))
          .map((s) => s.cidr)
          .sort(),
      ).toEqual(["21.49.16.0/24", "21.49.17.0/24", "21.49.18.0/24", "21.49.24.0/24"]);
      expect(subnets.find((s) => s.name === "demo-subnet")!.cidr).toBe("10.0.0.0/24");
    }
  });

  it("filters: ?name=, repeated keys OR, booleans, provider attributes, ?fields=", async () => {
    const both = `name=${P}-a&name=${P}-b`;
    expect(names((await get(admin, `/v2.0/networks?${both}`)).networks)).toEqual([`${P}-a`, `${P}-b`]);
    const shared = (await get(admin, "/v2.0/networks?shared=true")).networks as { id: string; shared: boolean }[];
    expect(shared.every((n) => n.shared)).toBe(true);
    expect(shared.map((n) => n.id)).not.toContain(mineA.id);
    const type = (await get(admin, `/v2.0/networks/${mineA.id}`)).network["provider:network_type"];
    expect(type).toEqual(expect.any(String));
    expect(names((await get(admin, `/v2.0/networks?${both}&name=${P}-admin&shared=False&provider:network_type=${type}`)).networks)).toEqual(
      [`${P}-a`, `${P}-admin`, `${P}-b`],
    );
    expect((await get(admin, `/v2.0/networks?${both}&shared=True`)).networks).toEqual([]);
    expect((await get(admin, `/v2.0/networks?name=${P}-a&fields=id`)).networks).toEqual([{ id: mineA.id }]);
    const res = await admin.call("network", "/v2.0/networks?flavour=x");
    expect(res.status).toBe(400);
    expect((await res.json()).NeutronError.message).toBe("['flavour'] is invalid attribute for filtering");
  });

  it("paginates with limit/marker and networks_links", async () => {
    const q = `name=${P}-a&name=${P}-b&name=${P}-admin&sort_key=name&sort_dir=asc`;
    const first = await get(admin, `/v2.0/networks?${q}&limit=2`);
    expect(names(first.networks)).toEqual([`${P}-a`, `${P}-admin`]);
    const next = first.networks_links.find((l: { rel: string }) => l.rel === "next");
    expect(next.href).toContain(`marker=${first.networks[1].id}`);
    const second = await (await fetch(next.href, { headers: { "X-Auth-Token": admin.token, Accept: "application/json" } })).json();
    expect(names(second.networks)).toEqual([`${P}-b`]);
    expect(second.networks_links.map((l: { rel: string }) => l.rel)).toEqual(["previous"]);
  });

  it("404s carry the NeutronError body; another project's network is a 404 to a member", async () => {
    const missing = `${P}-missing`;
    const res = await demo.call("network", `/v2.0/networks/${missing}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      NeutronError: { type: "NetworkNotFound", message: `Network ${missing} could not be found.`, detail: "" },
    });
    expect((await demo.call("network", `/v2.0/networks/${adminNet.id}`)).status).toBe(404);
    expect((await admin.call("network", `/v2.0/networks/${adminNet.id}`)).status).toBe(200);
  });

  it("a member cannot create a shared network (403)", async () => {
    const res = await demo.call("network", "/v2.0/networks", { method: "POST", json: { network: { name: `${P}-shared`, shared: true } } });
    expect(res.status).toBe(403);
    expect((await res.json()).NeutronError).toEqual({
      type: "PolicyNotAuthorized",
      message: "(rule:create_network and rule:create_network:shared) is disallowed by policy",
      detail: "",
    });
  });

  it("network → subnet → port lifecycle, with NetworkInUse while a port remains", async () => {
    let res = await demo.call("network", "/v2.0/networks", { method: "POST", json: { network: { name: `${P}-life` } } });
    expect(res.status).toBe(201);
    const net = (await res.json()).network;
    cleanup.add(`network ${P}-life`, () => deleteGone(demo, "network", `/v2.0/networks/${net.id}`));
    expect(net).toMatchObject({ name: `${P}-life`, project_id: demo.projectId, tenant_id: demo.projectId, shared: false, subnets: [] });
    expect(net.mtu).toEqual(expect.any(Number));
    res = await demo.call("network", "/v2.0/subnets", {
      method: "POST",
      json: { subnet: { network_id: net.id, cidr: "10.20.0.0/24", ip_version: 4, name: `${P}-life-sub` } },
    });
    expect(res.status).toBe(201);
    const sub = (await res.json()).subnet;
    res = await demo.call("network", "/v2.0/ports", { method: "POST", json: { port: { network_id: net.id, name: `${P}-life-port` } } });
    expect(res.status).toBe(201);
    const port = (await res.json()).port;
    cleanup.add(`port ${P}-life-port`, () => deleteGone(demo, "network", `/v2.0/ports/${port.id}`));
    expect(port.fixed_ips).toEqual([{ subnet_id: sub.id, ip_address: expect.stringMatching(/^10\.20\.0\.(\d+)$/) }]);
    const host = Number(port.fixed_ips[0].ip_address.split(".")[3]);
    expect(host >= 2 && host <= 254).toBe(true); // inside the allocation pool, never the gateway
    // Precondition stated: the sim's IPAM hands out the lowest free address and its DHCP port takes .2 at once;
    // Neutron's IPAM picks at random and the real DHCP agent makes its port later, so only the pool is checked there.
    if (onSim) {
      expect(port.fixed_ips[0].ip_address).toBe("10.20.0.3");
      expect(net.mtu).toBe(1450);
    }
    expect(port.mac_address).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(port.security_groups).toHaveLength(1);
    res = await demo.call("network", `/v2.0/networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect((await res.json()).NeutronError).toEqual({
      type: "NetworkInUse",
      message: `Unable to complete operation on network ${net.id}. There are one or more ports still in use on the network, id for these ports is: ${port.id}.`,
      detail: "",
    });
    expect((await demo.call("network", `/v2.0/ports/${port.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await demo.call("network", `/v2.0/networks/${net.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await demo.call("network", `/v2.0/subnets/${sub.id}`)).status).toBe(404);
  });

  it("each project has a default security group with Neutron's four rules; a duplicate rule is a 409", async () => {
    const groups = (await get(demo, `/v2.0/security-groups?name=default&project_id=${demo.projectId}`)).security_groups;
    expect(groups).toHaveLength(1);
    const g = groups[0];
    expect(g).toMatchObject({ name: "default", description: "Default security group", project_id: demo.projectId, stateful: true });
    const rules = g.security_group_rules
      .map((r: Record<string, unknown>) => `${r.direction} ${r.ethertype} ${r.remote_group_id === g.id ? "self" : "any"}`)
      .sort();
    expect(rules).toEqual(["egress IPv4 any", "egress IPv6 any", "ingress IPv4 self", "ingress IPv6 self"]);
    const body = {
      security_group_rule: {
        security_group_id: g.id,
        direction: "ingress",
        protocol: "tcp",
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: "0.0.0.0/0",
      },
    };
    const res = await demo.call("network", "/v2.0/security-group-rules", { method: "POST", json: body });
    expect(res.status).toBe(201);
    const rule = (await res.json()).security_group_rule;
    cleanup.add("ssh rule", () => deleteGone(demo, "network", `/v2.0/security-group-rules/${rule.id}`));
    const dup = await demo.call("network", "/v2.0/security-group-rules", { method: "POST", json: body });
    expect(dup.status).toBe(409);
    expect((await dup.json()).NeutronError.message).toBe(`Security group rule already exists. Rule id is ${rule.id}.`);
    expect((await demo.call("network", `/v2.0/security-group-rules/${rule.id}`, { method: "DELETE" })).status).toBe(204);
  });
});
