import type { Neutron, NeutronNetwork } from "../../openstack/neutron";
import type { NeutronPort, NeutronRouter } from "../../openstack/neutron-resources";
import type { RouterList, RouterSummary } from "./schema";

export const INTERFACE_OWNER = "network:router_interface";

export function toRouterSummary(r: NeutronRouter, ports: NeutronPort[], names: ReadonlyMap<string, string>): RouterSummary {
  const gw = r.external_gateway_info;
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    adminStateUp: r.admin_state_up,
    gateway: gw
      ? {
          networkId: gw.network_id,
          networkName: names.get(gw.network_id) ?? "",
          ips: (gw.external_fixed_ips ?? []).map((f) => f.ip_address),
        }
      : null,
    interfaces: ports
      .filter((p) => p.device_id === r.id && p.device_owner === INTERFACE_OWNER)
      .flatMap((p) =>
        p.fixed_ips.map((f) => ({
          portId: p.id,
          subnetId: f.subnet_id,
          ipAddress: f.ip_address,
          networkId: p.network_id,
          networkName: names.get(p.network_id) ?? "",
        })),
      ),
  };
}

/** Routers with their gateway and interfaces, plus what the forms offer: external networks and the project's subnets. */
export async function listRouters(neutron: Neutron, projectId: string): Promise<RouterList> {
  const [routers, ports, nets, subnets] = await Promise.all([
    neutron.routers(),
    neutron.ports({ device_owner: INTERFACE_OWNER }),
    neutron.networks(),
    neutron.subnets(),
  ]);
  const names = new Map(nets.items.map((n: NeutronNetwork) => [n.id, n.name]));
  const own = new Set(nets.items.filter((n) => n.project_id === projectId && !n["router:external"]).map((n) => n.id));
  return {
    items: routers.map((r) => toRouterSummary(r, ports, names)).sort((a, b) => a.name.localeCompare(b.name)),
    externalNetworks: nets.items.filter((n) => n["router:external"]).map((n) => ({ id: n.id, name: n.name })),
    subnets: subnets.items
      .filter((s) => own.has(s.network_id) && s.gateway_ip && s.ip_version === 4)
      .map((s) => ({ id: s.id, name: s.name, cidr: s.cidr, networkId: s.network_id, networkName: names.get(s.network_id) ?? "" })),
  };
}

/** One router as the list shows it (after a change). */
export async function routerSummary(neutron: Neutron, id: string): Promise<RouterSummary> {
  const [r, ports, nets] = await Promise.all([
    neutron.router(id),
    neutron.ports({ device_id: id, device_owner: INTERFACE_OWNER }),
    neutron.networks(),
  ]);
  return toRouterSummary(r, ports, new Map(nets.items.map((n) => [n.id, n.name])));
}

/** Creates the router, with its gateway at once when asked (one Neutron call). Never retried. */
export async function createRouter(neutron: Neutron, input: { name: string; externalNetworkId?: string }): Promise<RouterSummary> {
  const r = await neutron.createRouter({
    name: input.name,
    ...(input.externalNetworkId ? { external_gateway_info: { network_id: input.externalNetworkId } } : {}),
  });
  return routerSummary(neutron, r.id);
}
