import type { CloudClients } from "../../openstack/clients";
import type { NeutronFloatingIp } from "../../openstack/neutron-resources";
import type { FloatingIp, FloatingIpList } from "./schema";
import { floatingIpTargets } from "./targets";

export function toFloatingIp(f: NeutronFloatingIp, nets: ReadonlyMap<string, string>, servers: ReadonlyMap<string, string>): FloatingIp {
  const device = f.port_details?.device_owner?.startsWith("compute:") ? f.port_details.device_id : null;
  return {
    id: f.id,
    address: f.floating_ip_address,
    networkId: f.floating_network_id,
    networkName: nets.get(f.floating_network_id) ?? "",
    status: f.status,
    description: f.description ?? "",
    portId: f.port_id,
    fixedIp: f.fixed_ip_address,
    routerId: f.router_id,
    instance: device ? { id: device, name: servers.get(device) ?? "" } : null,
  };
}

/** The project's floating IPs, the external networks to allocate from, and the instance ports to associate with. */
export async function listFloatingIps(clients: CloudClients): Promise<FloatingIpList> {
  const { neutron, nova } = clients;
  const [fips, nets, subnets, routers, ports, servers] = await Promise.all([
    neutron.floatingIps(),
    neutron.networks(),
    neutron.subnets(),
    neutron.routers(),
    neutron.ports(),
    nova.serverNames(),
  ]);
  const netMap = new Map(nets.items.map((n) => [n.id, n]));
  const names = new Map(nets.items.map((n) => [n.id, n.name]));
  return {
    items: fips
      .map((f) => toFloatingIp(f, names, servers))
      .sort((a, b) => a.address.localeCompare(b.address, undefined, { numeric: true })),
    externalNetworks: nets.items.filter((n) => n["router:external"]).map((n) => ({ id: n.id, name: n.name })),
    targets: floatingIpTargets(
      ports,
      routers,
      ports.filter((p) => p.device_owner === "network:router_interface"),
      netMap,
      new Map(subnets.items.map((s) => [s.id, s])),
      servers,
    ),
  };
}

/** Allocates (and associates at once when a port is given). Never retried: a retry could allocate twice. */
export async function allocateFloatingIp(
  clients: CloudClients,
  input: { externalNetworkId: string; portId?: string; description: string },
): Promise<FloatingIp> {
  const f = await clients.neutron.createFloatingIp({
    floating_network_id: input.externalNetworkId,
    ...(input.portId ? { port_id: input.portId } : {}),
    ...(input.description ? { description: input.description } : {}),
  });
  return describe(clients, f);
}

export async function associateFloatingIp(clients: CloudClients, id: string, portId: string | null): Promise<FloatingIp> {
  return describe(clients, await clients.neutron.updateFloatingIp(id, { port_id: portId }));
}

async function describe(clients: CloudClients, f: NeutronFloatingIp): Promise<FloatingIp> {
  const [net, servers] = await Promise.all([
    clients.neutron.network(f.floating_network_id).catch(() => null),
    f.port_details?.device_id ? clients.nova.serverNames() : Promise.resolve(new Map<string, string>()),
  ]);
  return toFloatingIp(f, new Map(net ? [[net.id, net.name]] : []), servers);
}
