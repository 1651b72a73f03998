/**
 * Shape conformance: each upstream Neutron sample (neutron-lib api-ref, copied to sim/test/samples/neutron)
 * against the target's response for the same kind of resource: same keys, recursively, same JSON types.
 * Every allowed difference is listed with its reason. Runs on both targets on a network it creates (bound to a
 * DHCP agent by hand) and removes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { onSim, simControl, target } from "../../../tests/target";
import { compareShape } from "../../test/shape";
import { login, type OsSession } from "../../test/os-session";
import { Cleanup, makeNetwork, uniqueName } from "../../test/fixtures";

const sample = (name: string) => JSON.parse(readFileSync(new URL(`../../test/samples/neutron/${name}`, import.meta.url), "utf8"));

/** Differences between the api-ref samples and what Zed's neutron-server (and the sim) emit. */
type Allow = { allowMissing: Record<string, string>; allowExtra: Record<string, string> };
const NETWORK_ALLOW: Allow = {
  allowMissing: {
    pvlan: "newest 'pvlan' extension (2025+), not in Zed; the api-ref even disagrees on its type (bool in list, string in show)",
  },
  allowExtra: {
    tags: "standard-attr-tag: neutron emits tags on lists too; the list samples predate it",
    "provider:network_type": "provider extension, admin-only by policy (the samples are non-admin)",
    "provider:physical_network": "provider extension, admin-only by policy",
    "provider:segmentation_id": "provider extension, admin-only by policy",
  },
};
/**
 * Extensions the real tier's ML2 does not load (no dns/qos/segments/auto-allocated-topology/l2_adjacency/
 * vlan-transparent/qinq service plugins or extension drivers), so their attributes are absent there; the sim
 * models a cloud with them.
 */
const REAL_NO_EXT: Record<string, string> = onSim
  ? {}
  : Object.fromEntries(
      Object.entries({
        dns_domain: "dns-integration extension driver not loaded on the real tier",
        is_default: "auto-allocated-topology service plugin not loaded on the real tier",
        l2_adjacency: "l2_adjacency extension (segments plugin) not loaded on the real tier",
        qinq: "qinq extension (2024+) not in the real tier's Zed",
        qos_policy_id: "qos service plugin not loaded on the real tier",
        vlan_transparent: "vlan-transparent not enabled on the real tier",
        dns_publish_fixed_ip: "subnet_dns_publish_fixed_ip extension driver not loaded on the real tier",
        "router:external": "subnet external-network attribute comes with the L3 router plugin, not loaded on the real tier",
        segment_id: "segments service plugin not loaded on the real tier",
      }),
    );
const withRealGaps = (allow: typeof NETWORK_ALLOW) => ({ ...allow, allowMissing: { ...allow.allowMissing, ...REAL_NO_EXT } });
const prefixed = (prefix: string, allow: { allowMissing?: Record<string, string>; allowExtra?: Record<string, string> }) => ({
  allowMissing: Object.fromEntries(Object.entries(allow.allowMissing ?? {}).map(([k, v]) => [`${prefix}${k}`, v])),
  allowExtra: Object.fromEntries(Object.entries(allow.allowExtra ?? {}).map(([k, v]) => [`${prefix}${k}`, v])),
});

/** DHCP agents per target: the sim's default scenario has one per cs1-opc host; the real tier's are in endpoints.json. */
const DHCP_AGENTS = onSim ? 18 : (target.real!.dhcpAgentHosts as string[]).length;

describe("neutron shapes match the upstream samples", () => {
  let admin: OsSession, demo: OsSession;
  let net: { id: string }, subnet: { id: string }, agent: { id: string };
  const cleanup = new Cleanup();
  const P = uniqueName("shape");
  const get = async (s: OsSession, path: string) => {
    const res = await s.call("network", path);
    expect(res.status, path).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    net = (await makeNetwork(demo, cleanup, `${P}-net`)).network;
    agent = (await get(admin, `/v2.0/agents?agent_type=${encodeURIComponent("DHCP agent")}`)).agents[0];
    const bind = await admin.call("network", `/v2.0/agents/${agent.id}/dhcp-networks`, { method: "POST", json: { network_id: net.id } });
    expect(bind.status).toBe(201);
    const res = await demo.call("network", "/v2.0/subnets", {
      method: "POST",
      json: { subnet: { network_id: net.id, cidr: "10.63.0.0/24", ip_version: 4, name: `${P}-subnet` } },
    });
    expect(res.status).toBe(201);
    subnet = (await res.json()).subnet;
  });
  afterAll(() => cleanup.run());

  it("networks-list-response.json: GET /v2.0/networks (demo and admin)", async () => {
    const s = sample("networks-list-response.json");
    for (const who of [demo, admin]) {
      const body = await get(who, "/v2.0/networks");
      expect(body.networks.length).toBeGreaterThan(0);
      expect(compareShape(s, body, prefixed("networks[].", withRealGaps(NETWORK_ALLOW)))).toEqual([]);
    }
  });

  it("network-show-response.json: GET /v2.0/networks/{id}", async () => {
    expect(
      compareShape(
        sample("network-show-response.json"),
        await get(admin, `/v2.0/networks/${net.id}`),
        prefixed("network.", withRealGaps(NETWORK_ALLOW)),
      ),
    ).toEqual([]);
  });

  it("subnet-show-response.json: GET /v2.0/subnets/{id}", async () => {
    expect(
      compareShape(
        sample("subnet-show-response.json"),
        await get(demo, `/v2.0/subnets/${subnet.id}`),
        prefixed("subnet.", { allowMissing: REAL_NO_EXT }),
      ),
    ).toEqual([]);
  });

  it("agents-list-response.json: the DHCP agent entry against GET /v2.0/agents?agent_type=DHCP agent", async () => {
    const dhcpSample = sample("agents-list-response.json").agents.find((a: { agent_type: string }) => a.agent_type === "DHCP agent");
    const body = await get(admin, `/v2.0/agents?agent_type=${encodeURIComponent("DHCP agent")}`);
    expect(body.agents).toHaveLength(DHCP_AGENTS);
    expect(
      compareShape({ agents: [dhcpSample] }, body, {
        allowExtra: { "agents[].resource_versions": "Zed's _make_agent_dict always adds it; the network-dhcp-agents sample has it" },
      }),
    ).toEqual([]);
  });

  it("network-dhcp-agents-response.json: GET /v2.0/networks/{id}/dhcp-agents", async () => {
    const body = await get(admin, `/v2.0/networks/${net.id}/dhcp-agents`);
    expect(body.agents).toHaveLength(1);
    expect(
      compareShape(sample("network-dhcp-agents-response.json"), body, {
        allowMissing: { "agents[].ha_state": "added only by l3_hascheduler_db for L3 agents hosting HA routers" },
        allowExtra: { "agents[].resources_synced": "agent-resources-synced extension; the agents-list sample has it" },
      }),
    ).toEqual([]);
  });

  it("agent-dhcp-networks-list-response.json: GET /v2.0/agents/{id}/dhcp-networks", async () => {
    const body = await get(admin, `/v2.0/agents/${agent.id}/dhcp-networks`);
    expect(body.networks.map((n: { id: string }) => n.id)).toContain(net.id);
    // Precondition stated: the sim's default scenario schedules cs1-yw-1 alone to cs1-opc-11's agent.
    if (onSim) {
      const seeded = (await get(admin, "/v2.0/agents?host=cs1-opc-11&agent_type=DHCP%20agent")).agents[0];
      expect((await get(admin, `/v2.0/agents/${seeded.id}/dhcp-networks`)).networks.map((n: { name: string }) => n.name)).toEqual([
        "cs1-yw-1",
      ]);
    }
    const allow = withRealGaps({
      ...NETWORK_ALLOW,
      allowExtra: {
        ...NETWORK_ALLOW.allowExtra,
        standard_attr_id: "Zed's list_networks_on_dhcp_agent returns the network's DB dict with standard_attr_id (seen on the real tier)",
      },
    });
    expect(compareShape(sample("agent-dhcp-networks-list-response.json"), body, prefixed("networks[].", allow))).toEqual([]);
  });

  it("agent-dhcp-network-add-request.json: the sample body is accepted (201, body null)", async () => {
    const req = sample("agent-dhcp-network-add-request.json");
    const second = (await get(admin, `/v2.0/agents?agent_type=${encodeURIComponent("DHCP agent")}`)).agents.find(
      (a: { id: string }) => a.id !== agent.id,
    );
    expect(Object.keys(req)).toEqual(["network_id"]);
    const res = await admin.call("network", `/v2.0/agents/${second.id}/dhcp-networks`, {
      method: "POST",
      json: { ...req, network_id: net.id },
    });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("null");
    expect((await admin.call("network", `/v2.0/agents/${second.id}/dhcp-networks/${net.id}`, { method: "DELETE" })).status).toBe(204);
  });
});
