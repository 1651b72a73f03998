/** Networks, subnets, ports and security groups: visibility, filters, CRUD and Neutron's error bodies. */
import { beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";

describe.runIf(onSim)("neutron core resources", () => {
  let admin: OsSession, demo: OsSession;
  const get = async (s: OsSession, path: string) => (await s.call("network", path)).json();
  const names = (list: { name: string }[]) => list.map((n) => n.name).sort();

  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
  });

  it("serves the version document at /networking and /networking/ without a token", async () => {
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
    const all = (await get(admin, "/v2.0/networks")).networks;
    expect(names(all)).toEqual(["cs1-fzjh-24", "cs1-yw-1", "cs1-yw-2", "cs1-yw-3", "demo-net", "provider"]);
    const yw1 = all.find((n: { name: string }) => n.name === "cs1-yw-1");
    expect(yw1).toMatchObject({ "provider:network_type": "vlan", "provider:physical_network": "physnet1", "provider:segmentation_id": 1016, status: "ACTIVE" });
    const mine = (await get(demo, "/v2.0/networks")).networks;
    expect(names(mine)).toEqual(["demo-net", "provider"]);
    expect(mine[0]).not.toHaveProperty("provider:network_type");
  });

  it("subnets are on 21.49.x.0/24 with Neutron's default gateway and pool", async () => {
    const subnets = (await get(admin, "/v2.0/subnets?fields=name&fields=cidr&fields=gateway_ip&fields=allocation_pools")).subnets;
    const yw1 = subnets.find((s: { name: string }) => s.name === "cs1-yw-1-subnet");
    expect(yw1).toEqual({ name: "cs1-yw-1-subnet", cidr: "21.49.16.0/24", gateway_ip: "21.49.16.1", allocation_pools: [{ start: "21.49.16.2", end: "21.49.16.254" }] });
    expect(subnets.filter((s: { cidr: string }) => s.cidr.startsWith("21.49.")).map((s: { cidr: string }) => s.cidr).sort())
      .toEqual(["21.49.16.0/24", "21.49.17.0/24", "21.49.18.0/24", "21.49.24.0/24"]);
    expect(subnets.find((s: { name: string }) => s.name === "demo-subnet").cidr).toBe("10.0.0.0/24");
  });

  it("filters: ?name=, repeated keys OR, booleans, ?fields=", async () => {
    expect(names((await get(admin, "/v2.0/networks?name=cs1-yw-1&name=cs1-yw-2")).networks)).toEqual(["cs1-yw-1", "cs1-yw-2"]);
    expect(names((await get(admin, "/v2.0/networks?shared=true")).networks)).toEqual(["provider"]);
    expect(names((await get(admin, "/v2.0/networks?shared=False&provider:network_type=vxlan")).networks)).toEqual(["demo-net"]);
    expect((await get(admin, "/v2.0/networks?name=cs1-yw-1&fields=id")).networks[0]).toEqual({ id: expect.any(String) });
    const res = await admin.call("network", "/v2.0/networks?flavour=x");
    expect(res.status).toBe(400);
    expect((await res.json()).NeutronError.message).toBe("['flavour'] is invalid attribute for filtering");
  });

  it("paginates with limit/marker and networks_links", async () => {
    const first = await get(admin, "/v2.0/networks?limit=4");
    expect(first.networks).toHaveLength(4);
    const next = first.networks_links.find((l: { rel: string }) => l.rel === "next");
    expect(next.href).toContain(`marker=${first.networks[3].id}`);
    const second = await (await fetch(next.href, { headers: { "X-Auth-Token": admin.token } })).json();
    expect(second.networks).toHaveLength(2);
    expect(second.networks_links.map((l: { rel: string }) => l.rel)).toEqual(["previous"]);
  });

  it("404s carry the NeutronError body", async () => {
    const res = await demo.call("network", "/v2.0/networks/cs1-yw-1");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ NeutronError: { type: "NetworkNotFound", message: "Network cs1-yw-1 could not be found.", detail: "" } });
    const hidden = (await get(admin, "/v2.0/networks?name=cs1-yw-2")).networks[0].id;
    expect((await demo.call("network", `/v2.0/networks/${hidden}`)).status).toBe(404);
  });

  it("a member cannot create a shared or provider network (403)", async () => {
    const res = await demo.call("network", "/v2.0/networks", { method: "POST", json: { network: { name: "x", shared: true } } });
    expect(res.status).toBe(403);
    expect((await res.json()).NeutronError).toEqual({ type: "PolicyNotAuthorized", message: "rule:create_network:shared is disallowed by policy", detail: "" });
  });

  it("network → subnet → port lifecycle, with NetworkInUse while a port remains", async () => {
    let res = await demo.call("network", "/v2.0/networks", { method: "POST", json: { network: { name: "life-net" } } });
    expect(res.status).toBe(201);
    const net = (await res.json()).network;
    expect(net).toMatchObject({ name: "life-net", project_id: demo.projectId, tenant_id: demo.projectId, shared: false, subnets: [], mtu: 1450 });
    res = await demo.call("network", "/v2.0/subnets", { method: "POST", json: { subnet: { network_id: net.id, cidr: "10.20.0.0/24", ip_version: 4, name: "life-sub" } } });
    expect(res.status).toBe(201);
    const sub = (await res.json()).subnet;
    res = await demo.call("network", "/v2.0/ports", { method: "POST", json: { port: { network_id: net.id, name: "life-port" } } });
    expect(res.status).toBe(201);
    const port = (await res.json()).port;
    expect(port.fixed_ips).toEqual([{ subnet_id: sub.id, ip_address: "10.20.0.3" }]); // .2 is the DHCP port's
    expect(port.mac_address).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(port.security_groups).toHaveLength(1);
    res = await demo.call("network", `/v2.0/networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect((await res.json()).NeutronError).toEqual({
      type: "NetworkInUse", message: `Unable to complete operation on network ${net.id}. There are one or more ports still in use on the network.`, detail: "",
    });
    expect((await demo.call("network", `/v2.0/ports/${port.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await demo.call("network", `/v2.0/networks/${net.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await demo.call("network", `/v2.0/subnets/${sub.id}`)).status).toBe(404);
  });

  it("each project has a default security group with Neutron's four rules", async () => {
    const groups = (await get(demo, "/v2.0/security-groups")).security_groups;
    expect(groups).toHaveLength(1);
    const g = groups[0];
    expect(g).toMatchObject({ name: "default", description: "Default security group", project_id: demo.projectId, stateful: true });
    const rules = g.security_group_rules.map((r: Record<string, unknown>) => `${r.direction} ${r.ethertype} ${r.remote_group_id === g.id ? "self" : "any"}`).sort();
    expect(rules).toEqual(["egress IPv4 any", "egress IPv6 any", "ingress IPv4 self", "ingress IPv6 self"]);
    const res = await demo.call("network", "/v2.0/security-group-rules", { method: "POST", json: { security_group_rule: { security_group_id: g.id, direction: "ingress", protocol: "tcp", port_range_min: 22, port_range_max: 22, remote_ip_prefix: "0.0.0.0/0" } } });
    expect(res.status).toBe(201);
    const rule = (await res.json()).security_group_rule;
    const dup = await demo.call("network", "/v2.0/security-group-rules", { method: "POST", json: { security_group_rule: { security_group_id: g.id, direction: "ingress", protocol: "tcp", port_range_min: 22, port_range_max: 22, remote_ip_prefix: "0.0.0.0/0" } } });
    expect(dup.status).toBe(409);
    expect((await dup.json()).NeutronError.message).toBe(`Security group rule already exists. Rule id is ${rule.id}.`);
    expect((await demo.call("network", `/v2.0/security-group-rules/${rule.id}`, { method: "DELETE" })).status).toBe(204);
  });
});
