import type { Http, UpstreamRequest } from "./http";
import type { NeutronNetwork, NeutronSubnet } from "./neutron";
import { listAll } from "./paging";

/** The Neutron resources of tenant self-service: ports, routers, floating IPs, security groups and their writes. */
export interface NeutronPort {
  id: string;
  name: string;
  network_id: string;
  device_id: string;
  device_owner: string;
  status: string;
  mac_address: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
  project_id?: string;
}
export interface NeutronRouter {
  id: string;
  name: string;
  status: string;
  admin_state_up: boolean;
  project_id?: string;
  external_gateway_info: {
    network_id: string;
    enable_snat?: boolean;
    external_fixed_ips?: { subnet_id: string; ip_address: string }[];
  } | null;
}
export interface NeutronFloatingIp {
  id: string;
  floating_ip_address: string;
  floating_network_id: string;
  fixed_ip_address: string | null;
  port_id: string | null;
  router_id: string | null;
  status: string;
  description?: string;
  port_details?: { device_id: string; device_owner: string; name: string } | null;
}
export interface NeutronRule {
  id: string;
  security_group_id: string;
  direction: "ingress" | "egress";
  ethertype: string;
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description?: string;
}
export interface NeutronSecurityGroupFull {
  id: string;
  name: string;
  description: string;
  project_id?: string;
  security_group_rules: NeutronRule[];
}

type Req = (path: string) => UpstreamRequest;
const enc = encodeURIComponent;

/** Writes are never retried (the HTTP layer retries only GET/HEAD); every failure names Neutron. */
export function neutronResources(http: Http, req: Req) {
  const post = async <T>(path: string, json: unknown) => http.json<T>({ ...req(path), method: "POST", json });
  const put = async <T>(path: string, json: unknown) => http.json<T>({ ...req(path), method: "PUT", json });
  const del = async (path: string) => {
    await http.checked({ ...req(path), method: "DELETE" });
  };
  return {
    network: async (id: string) => (await http.json<{ network: NeutronNetwork }>(req(`/networks/${enc(id)}`))).network,
    createNetwork: async (body: Record<string, unknown>) =>
      (await post<{ network: NeutronNetwork }>("/networks", { network: body })).network,
    deleteNetwork: (id: string) => del(`/networks/${enc(id)}`),
    createSubnet: async (body: Record<string, unknown>) => (await post<{ subnet: NeutronSubnet }>("/subnets", { subnet: body })).subnet,
    ports: async (query: Record<string, string> = {}) =>
      (await listAll<NeutronPort>(http, { ...req("/ports"), query }, "ports", { limit: 1000 })).items,
    createPort: async (body: Record<string, unknown>) => (await post<{ port: NeutronPort }>("/ports", { port: body })).port,
    deletePort: (id: string) => del(`/ports/${enc(id)}`),

    routers: async () => (await listAll<NeutronRouter>(http, req("/routers"), "routers", { limit: 500 })).items,
    router: async (id: string) => (await http.json<{ router: NeutronRouter }>(req(`/routers/${enc(id)}`))).router,
    createRouter: async (body: Record<string, unknown>) => (await post<{ router: NeutronRouter }>("/routers", { router: body })).router,
    updateRouter: async (id: string, body: Record<string, unknown>) =>
      (await put<{ router: NeutronRouter }>(`/routers/${enc(id)}`, { router: body })).router,
    deleteRouter: (id: string) => del(`/routers/${enc(id)}`),
    addRouterInterface: (id: string, subnetId: string) =>
      put<{ port_id: string; subnet_id: string }>(`/routers/${enc(id)}/add_router_interface`, { subnet_id: subnetId }),
    removeRouterInterface: (id: string, subnetId: string) =>
      put<{ port_id: string; subnet_id: string }>(`/routers/${enc(id)}/remove_router_interface`, { subnet_id: subnetId }),

    floatingIps: async () => (await listAll<NeutronFloatingIp>(http, req("/floatingips"), "floatingips", { limit: 500 })).items,
    createFloatingIp: async (body: Record<string, unknown>) =>
      (await post<{ floatingip: NeutronFloatingIp }>("/floatingips", { floatingip: body })).floatingip,
    updateFloatingIp: async (id: string, body: Record<string, unknown>) =>
      (await put<{ floatingip: NeutronFloatingIp }>(`/floatingips/${enc(id)}`, { floatingip: body })).floatingip,
    deleteFloatingIp: (id: string) => del(`/floatingips/${enc(id)}`),

    securityGroupsFull: async (projectId: string) =>
      (
        await listAll<NeutronSecurityGroupFull>(http, { ...req("/security-groups"), query: { project_id: projectId } }, "security_groups", {
          limit: 500,
        })
      ).items,
    securityGroup: async (id: string) =>
      (await http.json<{ security_group: NeutronSecurityGroupFull }>(req(`/security-groups/${enc(id)}`))).security_group,
    createSecurityGroup: async (body: Record<string, unknown>) =>
      (await post<{ security_group: NeutronSecurityGroupFull }>("/security-groups", { security_group: body })).security_group,
    deleteSecurityGroup: (id: string) => del(`/security-groups/${enc(id)}`),
    createRule: async (body: Record<string, unknown>) =>
      (await post<{ security_group_rule: NeutronRule }>("/security-group-rules", { security_group_rule: body })).security_group_rule,
    deleteRule: (id: string) => del(`/security-group-rules/${enc(id)}`),
  };
}
