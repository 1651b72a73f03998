/**
 * Shape conformance: each upstream Neutron sample (neutron-lib api-ref, copied to sim/test/samples/neutron)
 * against the sim's response for the same kind of resource: same keys, recursively, same JSON types.
 * Every allowed difference is listed with its reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { onSim, simControl } from "../../../tests/target";
import { compareShape } from "../../test/shape";
import { login, type OsSession } from "../../test/os-session";

const sample = (name: string) => JSON.parse(readFileSync(new URL(`../../test/samples/neutron/${name}`, import.meta.url), "utf8"));

/** Differences between the api-ref samples and what Zed's neutron-server (and the sim) emit. */
const NETWORK_ALLOW = {
  allowMissing: { pvlan: "newest 'pvlan' extension (2025+), not in Zed; the api-ref even disagrees on its type (bool in list, string in show)" },
  allowExtra: {
    tags: "standard-attr-tag: neutron emits tags on lists too; the list samples predate it",
    "provider:network_type": "provider extension, admin-only by policy (the samples are non-admin)",
    "provider:physical_network": "provider extension, admin-only by policy",
    "provider:segmentation_id": "provider extension, admin-only by policy",
  },
};
const prefixed = (prefix: string, allow: { allowMissing?: Record<string, string>; allowExtra?: Record<string, string> }) => ({
  allowMissing: Object.fromEntries(Object.entries(allow.allowMissing ?? {}).map(([k, v]) => [`${prefix}${k}`, v])),
  allowExtra: Object.fromEntries(Object.entries(allow.allowExtra ?? {}).map(([k, v]) => [`${prefix}${k}`, v])),
});

describe.runIf(onSim)("neutron shapes match the upstream samples", () => {
  let admin: OsSession, demo: OsSession;
  const get = async (s: OsSession, path: string) => {
    const res = await s.call("network", path);
    expect(res.status, path).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
  });

  it("networks-list-response.json: GET /v2.0/networks (demo and admin)", async () => {
    const s = sample("networks-list-response.json");
    for (const who of [demo, admin]) {
      const body = await get(who, "/v2.0/networks");
      expect(body.networks.length).toBeGreaterThan(0);
      expect(compareShape(s, body, prefixed("networks[].", NETWORK_ALLOW))).toEqual([]);
    }
  });

  it("network-show-response.json: GET /v2.0/networks/{id}", async () => {
    const id = (await get(admin, "/v2.0/networks?name=cs1-yw-1")).networks[0].id;
    expect(compareShape(sample("network-show-response.json"), await get(admin, `/v2.0/networks/${id}`), prefixed("network.", NETWORK_ALLOW))).toEqual([]);
  });

  it("subnet-show-response.json: GET /v2.0/subnets/{id}", async () => {
    const id = (await get(demo, "/v2.0/subnets?name=demo-subnet")).subnets[0].id;
    expect(compareShape(sample("subnet-show-response.json"), await get(demo, `/v2.0/subnets/${id}`))).toEqual([]);
  });

  it("agents-list-response.json: the DHCP agent entry against GET /v2.0/agents?agent_type=DHCP agent", async () => {
    const dhcpSample = sample("agents-list-response.json").agents.find((a: { agent_type: string }) => a.agent_type === "DHCP agent");
    const body = await get(admin, `/v2.0/agents?agent_type=${encodeURIComponent("DHCP agent")}`);
    expect(body.agents).toHaveLength(18);
    expect(compareShape({ agents: [dhcpSample] }, body, {
      allowExtra: { "agents[].resource_versions": "Zed's _make_agent_dict always adds it; the network-dhcp-agents sample has it" },
    })).toEqual([]);
  });

  it("network-dhcp-agents-response.json: GET /v2.0/networks/{id}/dhcp-agents", async () => {
    const id = (await get(admin, "/v2.0/networks?name=cs1-yw-3")).networks[0].id;
    const body = await get(admin, `/v2.0/networks/${id}/dhcp-agents`);
    expect(body.agents).toHaveLength(1);
    expect(compareShape(sample("network-dhcp-agents-response.json"), body, {
      allowMissing: { "agents[].ha_state": "added only by l3_hascheduler_db for L3 agents hosting HA routers" },
      allowExtra: { "agents[].resources_synced": "agent-resources-synced extension; the agents-list sample has it" },
    })).toEqual([]);
  });

  it("agent-dhcp-networks-list-response.json: GET /v2.0/agents/{id}/dhcp-networks", async () => {
    const agent = (await get(admin, "/v2.0/agents?host=cs1-opc-11&agent_type=DHCP%20agent")).agents[0];
    const body = await get(admin, `/v2.0/agents/${agent.id}/dhcp-networks`);
    expect(body.networks.map((n: { name: string }) => n.name)).toEqual(["cs1-yw-1"]);
    expect(compareShape(sample("agent-dhcp-networks-list-response.json"), body, prefixed("networks[].", NETWORK_ALLOW))).toEqual([]);
  });

  it("agent-dhcp-network-add-request.json: the sample body is accepted (201, body null)", async () => {
    const req = sample("agent-dhcp-network-add-request.json");
    const net = (await get(admin, "/v2.0/networks?name=cs1-fzjh-24")).networks[0];
    const agent = (await get(admin, "/v2.0/agents?host=cs1-opc-5&agent_type=DHCP%20agent")).agents[0];
    expect(Object.keys(req)).toEqual(["network_id"]);
    const res = await admin.call("network", `/v2.0/agents/${agent.id}/dhcp-networks`, { method: "POST", json: { ...req, network_id: net.id } });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("null");
    expect((await admin.call("network", `/v2.0/agents/${agent.id}/dhcp-networks/${net.id}`, { method: "DELETE" })).status).toBe(204);
  });
});
