import type { NeutronPort } from "../../openstack/neutron-resources";
import type { PortSummary } from "./schema";

type Kind = PortSummary["kind"];

/** Who owns a port, from Neutron's device_owner. */
export function portKind(p: Pick<NeutronPort, "device_owner">): Kind {
  const o = p.device_owner ?? "";
  if (!o) return "none";
  if (o.startsWith("compute:")) return "instance";
  if (o === "network:router_interface" || o === "network:router_interface_distributed" || o === "network:ha_router_replicated_interface")
    return "router";
  if (o === "network:router_gateway") return "gateway";
  if (o === "network:dhcp") return "dhcp";
  if (o === "network:floatingip") return "floatingip";
  return "other";
}

const REASON: Partial<Record<Kind, NonNullable<PortSummary["reason"]>>> = {
  instance: "owned_by_instance",
  router: "owned_by_router",
  gateway: "owned_by_router",
  dhcp: "owned_by_network",
  floatingip: "owned_by_floatingip",
};

/** A port with whether it may be deleted here: only a free port (or one of no known owner); others go with their owner. */
export function toPortSummary(p: NeutronPort): PortSummary {
  const kind = portKind(p);
  const reason = REASON[kind] ?? null;
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    macAddress: p.mac_address,
    fixedIps: p.fixed_ips.map((f) => ({ subnetId: f.subnet_id, ipAddress: f.ip_address })),
    kind,
    deviceId: p.device_id,
    deletable: reason === null,
    reason,
  };
}
