import type { SimState } from "../../core/state";
import type { AuthContext } from "../keystone/token-auth";
import { neutron, type Network } from "./model";
import { neutronTime } from "./view";

/** How networks are seen and rendered: shared by networks, subnets, ports and DHCP (no imports back into them). */
export const PROVIDER_ATTRS = ["provider:network_type", "provider:physical_network", "provider:segmentation_id"] as const;

/** Who can see a network: admins, its project, and everyone for shared or external networks. */
export const canSeeNetwork = (auth: AuthContext, n: Network): boolean =>
  auth.isAdmin || n.project_id === auth.projectId || n.shared || n["router:external"];

/** The network as GET /v2.0/networks renders it (provider:* only for admins, as Neutron's policy does). */
export function renderNetwork(n: Network, auth: AuthContext, hosted: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: n.id,
    name: n.name,
    tenant_id: n.project_id,
    admin_state_up: n.admin_state_up,
    mtu: n.mtu,
    status: n.status,
    subnets: [...n.subnets],
    shared: n.shared,
    availability_zone_hints: [...n.availability_zone_hints],
    availability_zones: hosted.has(n.id) ? ["nova"] : [],
    ipv4_address_scope: null,
    ipv6_address_scope: null,
    "router:external": n["router:external"],
    description: n.description,
    port_security_enabled: n.port_security_enabled,
    is_default: n.is_default,
    l2_adjacency: true,
    dns_domain: n.dns_domain,
    qos_policy_id: null,
    vlan_transparent: false,
    qinq: false,
    tags: [...n.tags],
    created_at: neutronTime(n.created_at),
    updated_at: neutronTime(n.updated_at),
    revision_number: n.revision_number,
    project_id: n.project_id,
  };
  if (auth.isAdmin) for (const a of PROVIDER_ATTRS) out[a] = n[a];
  return out;
}

export const NETWORK_FILTERS = [
  "id",
  "name",
  "tenant_id",
  "project_id",
  "admin_state_up",
  "mtu",
  "status",
  "shared",
  "router:external",
  "description",
  "port_security_enabled",
  "is_default",
  "dns_domain",
  "revision_number",
  "availability_zones",
  "subnets",
  ...PROVIDER_ATTRS,
] as const;

/** Network ids with at least one DHCP agent (their availability_zones is ["nova"]). */
export const hostedNetworkIds = (state: SimState): Set<string> =>
  new Set(
    neutron(state)
      .bindings.all()
      .map((b) => b.network_id),
  );
