import type { SimState } from "../../core/state";
import { neutron, type Port } from "./model";

/** A router of the L3 extension (neutron-lib api/definitions/l3.py) with its external gateway. */
export interface Router {
  id: string;
  name: string;
  project_id: string;
  description: string;
  admin_state_up: boolean;
  /** The external gateway (its port is owned by no project, as l3_db creates it); null or absent when cleared. */
  gateway?: { network_id: string; enable_snat: boolean; port_id: string } | null;
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export interface FloatingIp {
  id: string;
  project_id: string;
  description: string;
  floating_network_id: string;
  floating_ip_address: string;
  /** The port of the floating address itself (device_owner network:floatingip). */
  floating_port_id: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  router_id: string | null;
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export const OWNER = {
  gateway: "network:router_gateway",
  interface: "network:router_interface",
  floatingip: "network:floatingip",
} as const;

export function l3(state: SimState) {
  return {
    routers: state.store.collection<Router>("neutron.router"),
    floatingIps: state.store.collection<FloatingIp>("neutron.floatingip"),
  };
}

/** The router's interface ports (device_owner network:router_interface, device_id = router). */
export const interfacePorts = (state: SimState, routerId: string): Port[] =>
  neutron(state).ports.filter((p) => p.device_id === routerId && p.device_owner === OWNER.interface);

/**
 * A floating IP as it stands: Neutron disassociates a floating IP when its port is deleted
 * (l3_db disassociate_floatingips), so one whose port is gone counts as unassociated.
 */
export function currentFip(state: SimState, f: FloatingIp): FloatingIp {
  if (f.port_id && !neutron(state).ports.get(f.port_id)) return { ...f, port_id: null, fixed_ip_address: null, router_id: null };
  return f;
}

const fipIndex = new WeakMap<SimState, { generation: number; byPort: Map<string, FloatingIp[]> }>();

/**
 * The floating IPs associated with a port, from an index rebuilt only when the floating IPs changed: Nova's server
 * view asks once per NIC of every server it lists.
 */
export function floatingIpsOfPort(state: SimState, portId: string): FloatingIp[] {
  const fips = l3(state).floatingIps;
  let idx = fipIndex.get(state);
  if (!idx || idx.generation !== fips.generation()) {
    idx = { generation: fips.generation(), byPort: new Map() };
    for (const f of fips.all()) if (f.port_id) (idx.byPort.get(f.port_id) ?? idx.byPort.set(f.port_id, []).get(f.port_id)!).push(f);
    fipIndex.set(state, idx);
  }
  return idx.byPort.get(portId) ?? [];
}

/** The associated floating IPs that go through a router (optionally only from one internal subnet). */
export function fipsThroughRouter(state: SimState, routerId: string, subnetId?: string): FloatingIp[] {
  const nx = neutron(state);
  return l3(state)
    .floatingIps.all()
    .map((f) => currentFip(state, f))
    .filter((f) => f.router_id === routerId && f.port_id)
    .filter((f) => {
      if (!subnetId) return true;
      const p = nx.ports.get(f.port_id as string);
      return !!p?.fixed_ips.some((ip) => ip.subnet_id === subnetId && ip.ip_address === f.fixed_ip_address);
    });
}
