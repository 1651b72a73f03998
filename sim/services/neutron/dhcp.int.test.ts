/** The DHCP agent scheduler endpoints, with Neutron's exact statuses, bodies and messages. */
import { beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";

describe.runIf(onSim)("DHCP agent scheduler (dhcpagentscheduler extension)", () => {
  let admin: OsSession, demo: OsSession;
  let net: { id: string }, hostAgent: { id: string }, spare: { id: string }, lbAgent: { id: string };
  const get = async (s: OsSession, path: string) => (await s.call("network", path)).json();
  const add = (s: OsSession, agentId: string, networkId: string) =>
    s.call("network", `/v2.0/agents/${agentId}/dhcp-networks`, { method: "POST", json: { network_id: networkId } });

  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    net = (await get(admin, "/v2.0/networks?name=cs1-yw-1")).networks[0];
    hostAgent = (await get(admin, "/v2.0/agents?host=cs1-opc-11&agent_type=DHCP%20agent")).agents[0];
    spare = (await get(admin, "/v2.0/agents?host=cs1-opc-10&agent_type=DHCP%20agent")).agents[0];
    lbAgent = (await get(admin, "/v2.0/agents?host=cs1-opc-10&agent_type=Linux%20bridge%20agent")).agents[0];
  });

  it("the extension is listed", async () => {
    const aliases = (await get(admin, "/v2.0/extensions")).extensions.map((e: { alias: string }) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(["dhcp_agent_scheduler", "agent"]));
  });

  it("each cs1 network starts with one DHCP agent", async () => {
    for (const name of ["cs1-yw-1", "cs1-yw-2", "cs1-yw-3", "cs1-fzjh-24"]) {
      const n = (await get(admin, `/v2.0/networks?name=${name}`)).networks[0];
      expect((await get(admin, `/v2.0/networks/${n.id}/dhcp-agents`)).agents, name).toHaveLength(1);
    }
  });

  it("POST dhcp-networks answers 201 with the body null, and the agent now hosts the network", async () => {
    const res = await add(admin, spare.id, net.id);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.text()).toBe("null");
    const hosts = (await get(admin, `/v2.0/networks/${net.id}/dhcp-agents`)).agents.map((a: { host: string }) => a.host).sort();
    expect(hosts).toEqual(["cs1-opc-10", "cs1-opc-11"]);
    const agent = (await get(admin, `/v2.0/agents/${spare.id}`)).agent;
    expect(agent.configurations.networks).toBe(1);
    expect((await get(admin, `/v2.0/agents/${spare.id}/dhcp-networks`)).networks.map((n: { id: string }) => n.id)).toEqual([net.id]);
  });

  it("adding it again gives 409 NetworkHostedByDHCPAgent", async () => {
    const res = await add(admin, spare.id, net.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ NeutronError: {
      type: "NetworkHostedByDHCPAgent", message: `The network ${net.id} has been already hosted by the DHCP Agent ${spare.id}.`, detail: "",
    } });
  });

  it("an agent that is not a DHCP agent gives 404 InvalidDHCPAgent", async () => {
    const res = await add(admin, lbAgent.id, net.id);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ NeutronError: {
      type: "InvalidDHCPAgent", message: `Agent ${lbAgent.id} is not a valid DHCP Agent or has been disabled.`, detail: "",
    } });
  });

  it("an admin-down DHCP agent is also an InvalidDHCPAgent", async () => {
    const other = (await get(admin, "/v2.0/agents?host=cs1-opc-9&agent_type=DHCP%20agent")).agents[0];
    await admin.call("network", `/v2.0/agents/${other.id}`, { method: "PUT", json: { agent: { admin_state_up: false } } });
    expect((await add(admin, other.id, net.id)).status).toBe(404);
    await admin.call("network", `/v2.0/agents/${other.id}`, { method: "PUT", json: { agent: { admin_state_up: true } } });
  });

  it("unknown network and unknown agent give 404 with Neutron's messages", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    let res = await add(admin, spare.id, missing);
    expect(res.status).toBe(404);
    expect((await res.json()).NeutronError).toEqual({ type: "NetworkNotFound", message: `Network ${missing} could not be found.`, detail: "" });
    res = await add(admin, missing, net.id);
    expect(res.status).toBe(404);
    expect((await res.json()).NeutronError).toEqual({ type: "AgentNotFound", message: `Agent ${missing} could not be found.`, detail: "" });
  });

  it("DELETE answers 204 with no body, then 409 NetworkNotHostedByDhcpAgent", async () => {
    let res = await admin.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    res = await admin.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect((await res.json()).NeutronError).toEqual({
      type: "NetworkNotHostedByDhcpAgent", message: `The network ${net.id} is not hosted by the DHCP Agent ${spare.id}.`, detail: "",
    });
    expect((await get(admin, `/v2.0/networks/${net.id}/dhcp-agents`)).agents).toHaveLength(1);
  });

  it("the removed agent's DHCP port is kept as reserved_dhcp_port (its IP is reused on re-add)", async () => {
    const reserved = (await get(admin, `/v2.0/ports?network_id=${net.id}&device_id=reserved_dhcp_port`)).ports;
    expect(reserved).toHaveLength(1);
    expect((await add(admin, spare.id, net.id)).status).toBe(201);
    const ports = (await get(admin, `/v2.0/ports?network_id=${net.id}&device_owner=network:dhcp`)).ports;
    expect(ports).toHaveLength(2);
    expect(ports.map((p: { fixed_ips: { ip_address: string }[] }) => p.fixed_ips[0].ip_address)).toContain(reserved[0].fixed_ips[0].ip_address);
    await admin.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
  });

  it("dhcp_agents_per_network is applied when a subnet is created: a new network gets one agent", async () => {
    const created = (await (await demo.call("network", "/v2.0/networks", { method: "POST", json: { network: { name: "sched-net" } } })).json()).network;
    expect((await get(admin, `/v2.0/networks/${created.id}/dhcp-agents`)).agents).toHaveLength(0);
    const res = await demo.call("network", "/v2.0/subnets", { method: "POST", json: { subnet: { network_id: created.id, cidr: "10.9.0.0/24", ip_version: 4 } } });
    expect(res.status).toBe(201);
    expect((await get(admin, `/v2.0/networks/${created.id}/dhcp-agents`)).agents).toHaveLength(1);
    expect((await demo.call("network", `/v2.0/networks/${created.id}`, { method: "DELETE" })).status).toBe(204);
  });

  it("is admin-only: a member gets 403 PolicyNotAuthorized", async () => {
    let res = await add(demo, spare.id, net.id);
    expect(res.status).toBe(403);
    expect((await res.json()).NeutronError).toEqual({ type: "PolicyNotAuthorized", message: "rule:create_dhcp-network is disallowed by policy", detail: "" });
    res = await demo.call("network", `/v2.0/networks/${net.id}/dhcp-agents`);
    expect(res.status).toBe(403);
    res = await demo.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(403);
  });
});
