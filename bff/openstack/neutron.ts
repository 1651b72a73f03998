import type { Http } from "./http";
import { neutronResources } from "./neutron-resources";
import { fetchPage, listAll, type SessionLike } from "./paging";

export interface NeutronNetwork {
  id: string;
  name: string;
  status: string;
  shared: boolean;
  "router:external"?: boolean;
  subnets: string[];
  project_id?: string;
  admin_state_up: boolean;
}
export interface NeutronSubnet {
  id: string;
  name: string;
  network_id: string;
  cidr: string;
  ip_version: number;
  gateway_ip: string | null;
  enable_dhcp?: boolean;
}
export interface NeutronSecurityGroup {
  id: string;
  name: string;
  description: string;
  project_id?: string;
}
export interface NeutronAgent {
  id: string;
  agent_type: string;
  host: string;
  alive: boolean;
  admin_state_up: boolean;
  heartbeat_timestamp: string | null;
  binary?: string;
  configurations?: Record<string, unknown>;
}
export const DHCP_AGENT_TYPE = "DHCP agent";

/** Neutron v2.0 (no microversions). */
export function createNeutron(http: Http, s: SessionLike) {
  const base = s.url("network");
  const req = (path: string) => ({ service: "network" as const, url: `${base}${path}`, token: s.token });
  return {
    ...neutronResources(http, req),
    /** GET /quotas/{project}/details (quota-details extension): limit, used, reserved per resource. */
    quotaDetails: async (projectId: string) =>
      (
        await http.json<{ quota: Record<string, { limit: number; used: number; reserved?: number }> }>(
          req(`/quotas/${encodeURIComponent(projectId)}/details`),
        )
      ).quota,
    networks: (opts: { maxItems?: number } = {}) => listAll<NeutronNetwork>(http, req("/networks"), "networks", { limit: 500, ...opts }),
    /** One limit/marker page; `query` carries sort_key/sort_dir (Neutron sorts and pages natively). */
    networksPage: (opts: { limit: number; marker?: string; query?: Record<string, string> }) =>
      fetchPage<NeutronNetwork>(http, { ...req("/networks"), query: opts.query }, "networks", opts),
    subnets: (opts: { maxItems?: number } = {}) => listAll<NeutronSubnet>(http, req("/subnets"), "subnets", { limit: 1000, ...opts }),
    securityGroups: (projectId: string) =>
      listAll<NeutronSecurityGroup>(http, { ...req("/security-groups"), query: { project_id: projectId } }, "security_groups", {
        limit: 500,
      }),
    /** Aliases of the loaded API extensions (e.g. "agent", "dhcp_agent_scheduler"). */
    extensionAliases: async () =>
      ((await http.json<{ extensions: { alias: string }[] }>(req("/extensions")))?.extensions ?? []).map((e) => e.alias),
    /** Agents of one type (admin only; Neutron shows non-admins an empty list). Not paged by Neutron. */
    agents: async (agentType: string) =>
      (await http.json<{ agents: NeutronAgent[] }>({ ...req("/agents"), query: { agent_type: agentType } }))?.agents ?? [],
    /** The DHCP agents hosting a network. */
    networkDhcpAgents: async (networkId: string) =>
      (await http.json<{ agents: NeutronAgent[] }>(req(`/networks/${encodeURIComponent(networkId)}/dhcp-agents`)))?.agents ?? [],
    /** The networks a DHCP agent hosts. */
    agentDhcpNetworks: async (agentId: string) =>
      (await http.json<{ networks: NeutronNetwork[] }>(req(`/agents/${encodeURIComponent(agentId)}/dhcp-networks`)))?.networks ?? [],
    /**
     * Schedules a network to a DHCP agent: 201 with body null; 409 when the agent already hosts it.
     * Answers the raw Response (never retried: it is a POST) so the caller decides what a 409 means.
     */
    addDhcpNetwork: (agentId: string, networkId: string) =>
      http.raw({ ...req(`/agents/${encodeURIComponent(agentId)}/dhcp-networks`), method: "POST", json: { network_id: networkId } }),
    removeDhcpNetwork: (agentId: string, networkId: string) =>
      http.checked({ ...req(`/agents/${encodeURIComponent(agentId)}/dhcp-networks/${encodeURIComponent(networkId)}`), method: "DELETE" }),
  };
}
export type Neutron = ReturnType<typeof createNeutron>;
