import type { NeutronNetwork, NeutronSubnet } from "../../openstack/neutron";
import type { NeutronPort, NeutronRouter } from "../../openstack/neutron-resources";
import type { FloatingIpTarget } from "./schema";

/**
 * The instance ports a floating IP can go to, each with the external networks it can reach: Neutron associates only
 * through a router with an interface on the port's subnet and a gateway on the floating IP's network.
 */
export function floatingIpTargets(
  ports: NeutronPort[],
  routers: NeutronRouter[],
  interfaces: NeutronPort[],
  nets: ReadonlyMap<string, NeutronNetwork>,
  subnets: ReadonlyMap<string, NeutronSubnet>,
  servers: ReadonlyMap<string, string>,
): FloatingIpTarget[] {
  const reach = new Map<string, Set<string>>();
  for (const r of routers) {
    const ext = r.external_gateway_info?.network_id;
    if (!ext) continue;
    for (const p of interfaces.filter((i) => i.device_id === r.id))
      for (const f of p.fixed_ips) reach.set(f.subnet_id, (reach.get(f.subnet_id) ?? new Set()).add(ext));
  }
  return ports
    .filter((p) => p.device_owner.startsWith("compute:"))
    .flatMap((p) =>
      p.fixed_ips
        .filter((f) => !f.ip_address.includes(":") && subnets.has(f.subnet_id))
        .slice(0, 1)
        .map((f) => ({
          portId: p.id,
          fixedIp: f.ip_address,
          networkName: nets.get(p.network_id)?.name ?? "",
          instance: { id: p.device_id, name: servers.get(p.device_id) ?? "" },
          reachableFrom: [...(reach.get(f.subnet_id) ?? [])],
        })),
    )
    .sort((a, b) => a.instance.name.localeCompare(b.instance.name) || a.fixedIp.localeCompare(b.fixedIp));
}
