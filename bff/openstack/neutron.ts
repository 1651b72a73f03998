import type { Http } from "./http";
import { listAll, type SessionLike } from "./paging";

export interface NeutronNetwork { id: string; name: string; status: string; shared: boolean; "router:external"?: boolean; subnets: string[]; project_id?: string; admin_state_up: boolean }
export interface NeutronSecurityGroup { id: string; name: string; description: string; project_id?: string }

/** Neutron v2.0 (no microversions). */
export function createNeutron(http: Http, s: SessionLike) {
  const base = s.url("network");
  const req = (path: string) => ({ service: "network" as const, url: `${base}${path}`, token: s.token });
  return {
    networks: () => listAll<NeutronNetwork>(http, req("/networks"), "networks", { limit: 500 }),
    securityGroups: (projectId: string) =>
      listAll<NeutronSecurityGroup>(http, { ...req("/security-groups"), query: { project_id: projectId } }, "security_groups", { limit: 500 }),
  };
}
export type Neutron = ReturnType<typeof createNeutron>;
