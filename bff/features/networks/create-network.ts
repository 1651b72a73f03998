import type { Neutron } from "../../openstack/neutron";
import type { NetworkCreateInput } from "../../../lib/schemas/network";
import { networkDetail } from "./network-detail";
import type { NetworkDetail } from "./schema";

type Input = Required<Pick<NetworkCreateInput, "name">> & {
  adminStateUp: boolean;
  subnet?: { name: string; cidr: string; gatewayIp?: string; enableDhcp: boolean };
};

/**
 * Creates the network, then its subnet. When Neutron refuses the subnet, the network just made is deleted again
 * (a compensation, not a retry) and the subnet's refusal is answered, so a failed form leaves nothing behind.
 */
export async function createNetwork(neutron: Neutron, projectId: string, input: Input): Promise<NetworkDetail> {
  const net = await neutron.createNetwork({ name: input.name, admin_state_up: input.adminStateUp });
  if (input.subnet) {
    const s = input.subnet;
    try {
      await neutron.createSubnet({
        network_id: net.id,
        name: s.name,
        cidr: s.cidr,
        ip_version: 4,
        enable_dhcp: s.enableDhcp,
        ...(s.gatewayIp ? { gateway_ip: s.gatewayIp } : {}),
      });
    } catch (e) {
      await neutron.deleteNetwork(net.id).catch(() => undefined);
      throw e;
    }
  }
  return networkDetail(neutron, projectId, net.id);
}

/** Creates a port on the network, optionally on one subnet and address. */
export async function createPort(
  neutron: Neutron,
  networkId: string,
  input: { name: string; subnetId?: string; ipAddress?: string },
): Promise<void> {
  const fixed =
    input.subnetId || input.ipAddress
      ? [{ ...(input.subnetId ? { subnet_id: input.subnetId } : {}), ...(input.ipAddress ? { ip_address: input.ipAddress } : {}) }]
      : undefined;
  await neutron.createPort({ network_id: networkId, name: input.name, ...(fixed ? { fixed_ips: fixed } : {}) });
}
