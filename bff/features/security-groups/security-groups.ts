import type { Neutron } from "../../openstack/neutron";
import { toNeutronRule, toRule, toSecurityGroup } from "./map-rule";
import type { SecurityGroup, SecurityGroupRule, SecurityGroupRuleCreate } from "./schema";

/** The project's security groups with their rules, the default group first, then by name. */
export async function listSecurityGroups(neutron: Neutron, projectId: string): Promise<{ items: SecurityGroup[] }> {
  const items = (await neutron.securityGroupsFull(projectId)).map(toSecurityGroup);
  return { items: items.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name)) };
}

export async function createSecurityGroup(neutron: Neutron, input: { name: string; description: string }): Promise<SecurityGroup> {
  return toSecurityGroup(await neutron.createSecurityGroup({ name: input.name, description: input.description }));
}

export async function addRule(neutron: Neutron, groupId: string, rule: SecurityGroupRuleCreate): Promise<SecurityGroupRule> {
  return toRule(await neutron.createRule(toNeutronRule(groupId, rule)));
}
