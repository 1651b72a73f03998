import { NeutronError } from "./errors";

/** neutron-lib's L3 exceptions (neutron_lib/exceptions/l3.py), with their exact messages. */
export const l3Errors = {
  routerNotFound: (id: string) => new NeutronError(404, "RouterNotFound", `Router ${id} could not be found`),
  /** l3_db._ensure_router_not_in_use names the attached ports. */
  routerInUse: (id: string, portIds: string[]) =>
    new NeutronError(409, "RouterInUse", `Router ${id} has ports still attached: ${portIds.join(", ")}`),
  floatingIpNotFound: (id: string) => new NeutronError(404, "FloatingIPNotFound", `Floating IP ${id} could not be found`),
  interfaceNotFoundForSubnet: (routerId: string, subnetId: string) =>
    new NeutronError(404, "RouterInterfaceNotFoundForSubnet", `Router ${routerId} has no interface on subnet ${subnetId}`),
  interfaceNotFound: (routerId: string, portId: string) =>
    new NeutronError(404, "RouterInterfaceNotFound", `Router ${routerId} does not have an interface with id ${portId}`),
  interfaceInUseByFip: (routerId: string, subnetId: string) =>
    new NeutronError(
      409,
      "RouterInterfaceInUseByFloatingIP",
      `Router interface for subnet ${subnetId} on router ${routerId} cannot be deleted, as it is required by one or more floating IPs.`,
    ),
  gatewayInUseByFip: (routerId: string, netId: string) =>
    new NeutronError(
      409,
      "RouterExternalGatewayInUseByFloatingIp",
      `Gateway cannot be updated for router ${routerId}, since a gateway to external network ${netId} is required by one or more floating IPs.`,
    ),
  gatewayNotReachable: (netId: string, subnetId: string, portId: string) =>
    new NeutronError(
      404,
      "ExternalGatewayForFloatingIPNotFound",
      `External network ${netId} is not reachable from subnet ${subnetId}.  Therefore, cannot associate Port ${portId} with a Floating IP.`,
    ),
  portAlreadyAssociated: (fip: string, fipId: string, portId: string, fixedIp: string, netId: string) =>
    new NeutronError(
      409,
      "FloatingIPPortAlreadyAssociated",
      `Cannot associate floating IP ${fip} (${fipId}) with port ${portId} using fixed IP ${fixedIp}, as that fixed IP already has a floating IP on external network ${netId}.`,
    ),
  /** prevent_l3_port_deletion: router and floating IP ports go through the L3 API. */
  servicePortInUse: (portId: string, owner: string) =>
    new NeutronError(409, "ServicePortInUse", `Port ${portId} cannot be deleted directly via the port API: has device owner ${owner}.`),
};
