import type { NeutronRule, NeutronSecurityGroupFull } from "../../openstack/neutron-resources";
import type { SecurityGroup, SecurityGroupRule, SecurityGroupRuleCreate } from "./schema";

export const toRule = (r: NeutronRule): SecurityGroupRule => ({
  id: r.id,
  direction: r.direction,
  ethertype: r.ethertype,
  protocol: r.protocol,
  portMin: r.port_range_min,
  portMax: r.port_range_max,
  remoteCidr: r.remote_ip_prefix,
  remoteGroupId: r.remote_group_id,
  description: r.description ?? "",
});

const order = (r: SecurityGroupRule) => `${r.direction}|${r.ethertype}|${r.protocol ?? ""}|${String(r.portMin ?? -1).padStart(5, "0")}`;

export const toSecurityGroup = (g: NeutronSecurityGroupFull): SecurityGroup => ({
  id: g.id,
  name: g.name,
  description: g.description ?? "",
  isDefault: g.name === "default",
  rules: (g.security_group_rules ?? []).map(toRule).sort((a, b) => order(a).localeCompare(order(b))),
});

/** The form's rule as Neutron's body: "any" is no protocol; the remote is a CIDR, a group, or nothing (everywhere). */
export function toNeutronRule(groupId: string, r: SecurityGroupRuleCreate): Record<string, unknown> {
  return {
    security_group_id: groupId,
    direction: r.direction,
    ethertype: "IPv4",
    protocol: r.protocol === "any" ? null : r.protocol,
    port_range_min: r.portMin,
    port_range_max: r.portMax,
    ...(r.remote.kind === "cidr" ? { remote_ip_prefix: r.remote.cidr } : {}),
    ...(r.remote.kind === "group" ? { remote_group_id: r.remote.groupId } : {}),
    ...(r.description ? { description: r.description } : {}),
  };
}
