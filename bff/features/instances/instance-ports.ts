import type { Neutron } from "../../openstack/neutron";
import type { Nova, NovaInterface } from "../../openstack/nova";
import { merged, nullOn404, optional, type Unavailable } from "../listing/optional";
import type { InstancePortRow } from "./schema";

/** At most this many networks are looked up for one instance's ports; the rest are "not known" (an instance rarely has more). */
export const MAX_NETWORK_LOOKUPS = 10;

/**
 * What Neutron told us about the names: a port's name by id (null when the port lookup failed), and each network's
 * name by id (absent: not looked up or the lookup failed; "": Neutron has it unnamed).
 */
export interface PortNames {
  ports: ReadonlyMap<string, string> | null;
  networks: ReadonlyMap<string, string>;
}

/**
 * Nova's interfaces as rows the UI can show without raw ids: the port's name (null when unnamed or not known) and its
 * network's name, with whether that name is known ("certainty is data": a failed lookup is not an unnamed network).
 */
export function toPortRows(ifaces: readonly NovaInterface[], names: PortNames): InstancePortRow[] {
  return ifaces.map((p) => {
    const known = names.networks.has(p.net_id);
    return {
      portId: p.port_id,
      networkId: p.net_id,
      mac: p.mac_addr,
      state: p.port_state,
      fixedIps: p.fixed_ips.map((f) => f.ip_address),
      name: names.ports?.get(p.port_id) || null,
      networkName: known ? names.networks.get(p.net_id) || null : null,
      networkNameKnown: known,
    };
  });
}

/** The distinct network ids of the interfaces, in order, at most `MAX_NETWORK_LOOKUPS`. */
export const networksToLookUp = (ifaces: readonly NovaInterface[]) =>
  [...new Set(ifaces.map((p) => p.net_id))].slice(0, MAX_NETWORK_LOOKUPS);

/**
 * The instance's interfaces (os-interface) with names from Neutron: its ports (one list by device_id) and each distinct
 * network (one GET each, bounded). Neutron failing costs the names, not the tab: the rows come back with the names
 * unknown and `unavailable` naming the service.
 */
export async function instancePorts(io: { nova: Nova; neutron: Neutron }, id: string) {
  const ifaces = await io.nova.interfaces(id);
  if (!ifaces.length) return { items: [], unavailable: [] };
  const ports = optional(
    "network",
    io.neutron.ports({ device_id: id }).then((ps) => new Map(ps.map((p) => [p.id, p.name]))),
    null,
  );
  const nets = networksToLookUp(ifaces).map((nid) =>
    optional(
      "network",
      nullOn404(io.neutron.network(nid)).then((n) => (n ? ([nid, n.name] as const) : null)),
      null,
    ),
  );
  const [p, ...n] = await Promise.all([ports, ...nets]);
  const networks = new Map(n.flatMap((x) => (x.value ? [x.value] : [])));
  const unavailable: Unavailable[] = merged(p.unavailable, ...n.map((x) => x.unavailable));
  return { items: toPortRows(ifaces, { ports: p.value, networks }), unavailable };
}
