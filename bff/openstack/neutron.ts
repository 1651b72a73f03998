import type { Http } from "./http";
import { fetchPage, listAll, type SessionLike } from "./paging";

export interface NeutronNetwork { id: string; name: string; status: string; shared: boolean; "router:external"?: boolean; subnets: string[]; project_id?: string; admin_state_up: boolean }
export interface NeutronSubnet { id: string; name: string; network_id: string; cidr: string; ip_version: number; gateway_ip: string | null; enable_dhcp?: boolean }
export interface NeutronSecurityGroup { id: string; name: string; description: string; project_id?: string }

/** Neutron v2.0 (no microversions). */
export function createNeutron(http: Http, s: SessionLike) {
  const base = s.url("network");
  const req = (path: string) => ({ service: "network" as const, url: `${base}${path}`, token: s.token });
  return {
    networks: () => listAll<NeutronNetwork>(http, req("/networks"), "networks", { limit: 500 }),
    /** One limit/marker page; `query` carries sort_key/sort_dir (Neutron sorts and pages natively). */
    networksPage: (opts: { limit: number; marker?: string; query?: Record<string, string> }) =>
      fetchPage<NeutronNetwork>(http, { ...req("/networks"), query: opts.query }, "networks", opts),
    subnets: () => listAll<NeutronSubnet>(http, req("/subnets"), "subnets", { limit: 1000 }),
    securityGroups: (projectId: string) =>
      listAll<NeutronSecurityGroup>(http, { ...req("/security-groups"), query: { project_id: projectId } }, "security_groups", { limit: 500 }),
  };
}
export type Neutron = ReturnType<typeof createNeutron>;
