import { ApiError } from "../../errors";
import { DHCP_AGENT_TYPE, type Neutron, type NeutronAgent } from "../../openstack/neutron";
import type { DhcpAgentInput, DhcpState } from "./audit";

/** At most this many per-network or per-agent calls in flight. */
export const DHCP_CONCURRENCY = 8;
/** An audit must see every network: the walk is bounded far above any cloud's count, not at a list page's 2,000. */
const AUDIT_MAX_ITEMS = 100_000;

/** Maps with at most `limit` promises in flight, keeping the input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const toAgent = (a: NeutronAgent): DhcpAgentInput => ({
  id: a.id,
  host: a.host,
  alive: a.alive,
  adminStateUp: a.admin_state_up,
  heartbeat: a.heartbeat_timestamp ?? null,
});

const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/**
 * A 404 from `/agents` or `/agents/{id}/dhcp-networks` means the extension is missing only if Neutron says so:
 * then the answer is that availability; otherwise (an agent deleted mid-read) the read failed and `e` stands.
 */
async function missingExtension(neutron: Neutron, e: unknown): Promise<DhcpState["availability"]> {
  if (!isNotFound(e)) throw e;
  const aliases = new Set(await neutron.extensionAliases());
  if (!aliases.has("agent")) return "no-agent-extension";
  if (!aliases.has("dhcp_agent_scheduler")) return "no-scheduler-extension";
  throw e;
}

/**
 * Reads what the audit needs in two rounds: the DHCP agents, networks and subnets together (3 calls), then the
 * hosting map in whichever direction is cheaper, every read in parallel (at most DHCP_CONCURRENCY in flight):
 * one call per DHCP agent (`/agents/{id}/dhcp-networks`) when there are fewer agents than networks, else one per
 * network. That is min(agents, networks) + 3 calls. The extension list is read only to explain a 404 (a cloud
 * without the agent or scheduler extension). Any other failed read fails the whole view: a network is never
 * shown with fewer agents than it has because a read went wrong.
 */
export async function loadDhcpState(neutron: Neutron): Promise<DhcpState> {
  const empty = (availability: DhcpState["availability"]): DhcpState => ({ availability, agents: [], networks: [], hosting: new Map() });
  const [rawAgents, networkWalk, subnetWalk] = await Promise.all([
    neutron.agents(DHCP_AGENT_TYPE).catch((e: unknown) => missingExtension(neutron, e)),
    neutron.networks({ maxItems: AUDIT_MAX_ITEMS }),
    neutron.subnets({ maxItems: AUDIT_MAX_ITEMS }),
  ]);
  if (!networkWalk.complete || !subnetWalk.complete)
    throw new ApiError(
      502,
      "walk_incomplete",
      `Neutron lists more than ${AUDIT_MAX_ITEMS} networks or subnets: the DHCP audit would not see every network.`,
      { details: { bound: AUDIT_MAX_ITEMS } },
    );
  const rawNetworks = networkWalk.items,
    subnets = subnetWalk.items;
  if (typeof rawAgents === "string") return empty(rawAgents);
  const agents = rawAgents.filter((a) => a.agent_type === DHCP_AGENT_TYPE).map(toAgent);
  if (!agents.length) return empty("no-dhcp-agents");
  const dhcpNets = new Set(subnets.filter((s) => s.enable_dhcp !== false).map((s) => s.network_id));
  const networks = rawNetworks.map((n) => ({ id: n.id, name: n.name, dhcpEnabled: dhcpNets.has(n.id) }));
  const hosting = new Map<string, string[]>(networks.map((n) => [n.id, []]));
  try {
    if (agents.length < networks.length) {
      const hosted = await mapLimit(agents, DHCP_CONCURRENCY, (a) => neutron.agentDhcpNetworks(a.id));
      agents.forEach((a, i) => {
        for (const n of hosted[i]) hosting.get(n.id)?.push(a.id);
      });
    } else {
      const hosts = await mapLimit(networks, DHCP_CONCURRENCY, (n) => neutron.networkDhcpAgents(n.id));
      networks.forEach((n, i) =>
        hosting.set(
          n.id,
          hosts[i].filter((a) => a.agent_type === DHCP_AGENT_TYPE || !a.agent_type).map((a) => a.id),
        ),
      );
    }
  } catch (e) {
    return empty(await missingExtension(neutron, e));
  }
  return { availability: "ok", agents, networks, hosting };
}
