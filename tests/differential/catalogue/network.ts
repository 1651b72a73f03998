import { created, probes } from "./helpers";

const { list, p } = probes("network");
const del = (path: string, key: string) => created("DELETE", path, (b) => b?.[key]?.id);

p("networks.list", "GET", "/v2.0/networks");
p("networks.list.anon", "GET", "/v2.0/networks", { user: "anon" });
p("networks.get", "GET", "/v2.0/networks/{network}");
p("networks.get.other-project", "GET", "/v2.0/networks/{network}", { user: "other" });
p("networks.get.missing", "GET", "/v2.0/networks/{missing}");
p("networks.create", "POST", "/v2.0/networks", {
  body: { network: { name: "{tag}-n2" } },
  cleanup: del("/v2.0/networks/{created}", "network"),
});
p("networks.create.chunked", "POST", "/v2.0/networks", {
  body: { network: { name: "{tag}-n3" } },
  chunked: true,
  cleanup: del("/v2.0/networks/{created}", "network"),
});
p("networks.create.bad-body", "POST", "/v2.0/networks", { body: { network: { admin_state_up: "perhaps" } } });
p("networks.create.not-json", "POST", "/v2.0/networks", { body: "{not json" });
p("networks.create.provider.member", "POST", "/v2.0/networks", {
  body: { network: { name: "{tag}-n4", "provider:network_type": "vxlan" } },
});
p("networks.create.shared.member", "POST", "/v2.0/networks", { body: { network: { name: "{tag}-n5", shared: true } } });
p("networks.update.bad-body", "PUT", "/v2.0/networks/{network}", { body: { network: { mtu: "big" } } });
p("networks.update.chunked", "PUT", "/v2.0/networks/{network}", { body: { network: { description: "x" } }, chunked: true });
p("networks.get.admin", "GET", "/v2.0/networks/{network}", { user: "admin" });
p("networks.update.other-project", "PUT", "/v2.0/networks/{network}", { user: "other", body: { network: { name: "x" } } });
p("networks.delete.missing", "DELETE", "/v2.0/networks/{missing}");
p("networks.delete.other-project", "DELETE", "/v2.0/networks/{network}", { user: "other" });
p("networks.dhcp-agents.member", "GET", "/v2.0/networks/{network}/dhcp-agents");
p("subnets.list", "GET", "/v2.0/subnets");
p("subnets.create.bad-cidr", "POST", "/v2.0/subnets", {
  body: { subnet: { network_id: "{network}", cidr: "10.0.0.0/99", ip_version: 4 } },
});
p("ports.list", "GET", "/v2.0/ports");
p("ports.get.missing", "GET", "/v2.0/ports/{missing}");
// Agents (the DHCP feature).
p("agents.list.member", "GET", "/v2.0/agents");
p("agents.list.admin", "GET", "/v2.0/agents", { user: "admin" });
p("agents.get.missing.admin", "GET", "/v2.0/agents/{missing}", { user: "admin" });
p("agents.dhcp-networks.admin", "GET", "/v2.0/agents/{dhcp_agent}/dhcp-networks", { user: "admin" });
p("agents.dhcp-networks.member", "GET", "/v2.0/agents/{dhcp_agent}/dhcp-networks");
p("agents.dhcp-networks.add.member", "POST", "/v2.0/agents/{dhcp_agent}/dhcp-networks", { body: { network_id: "{network}" } });
p("networks.dhcp-agents.admin", "GET", "/v2.0/networks/{network}/dhcp-agents", { user: "admin" });
// Routers and floating IPs (the routers issue).
p("routers.list", "GET", "/v2.0/routers");
p("routers.get.missing", "GET", "/v2.0/routers/{missing}");
p("routers.create", "POST", "/v2.0/routers", { body: { router: { name: "{tag}-r1" } }, cleanup: del("/v2.0/routers/{created}", "router") });
p("routers.create.bad-body", "POST", "/v2.0/routers", { body: { router: { admin_state_up: "perhaps" } } });
p("floatingips.list", "GET", "/v2.0/floatingips");
p("floatingips.get.missing", "GET", "/v2.0/floatingips/{missing}");
p("floatingips.create.not-external", "POST", "/v2.0/floatingips", { body: { floatingip: { floating_network_id: "{network}" } } });
p("floatingips.create.bad-body", "POST", "/v2.0/floatingips", { body: { floatingip: {} } });
// Security groups.
p("security-groups.list", "GET", "/v2.0/security-groups");
p("security-groups.get", "GET", "/v2.0/security-groups/{sg}");
p("security-groups.get.other-project", "GET", "/v2.0/security-groups/{sg}", { user: "other" });
p("security-groups.delete.other-project", "DELETE", "/v2.0/security-groups/{sg}", { user: "other" });
p("security-groups.create.default", "POST", "/v2.0/security-groups", { body: { security_group: { name: "default" } } });
p("security-groups.create.bad-body", "POST", "/v2.0/security-groups", { body: { security_group: { name: 7 } } });
p("security-group-rules.create", "POST", "/v2.0/security-group-rules", {
  body: {
    security_group_rule: {
      security_group_id: "{sg}",
      direction: "ingress",
      protocol: "tcp",
      port_range_min: 22,
      port_range_max: 22,
      ethertype: "IPv4",
    },
  },
  cleanup: del("/v2.0/security-group-rules/{created}", "security_group_rule"),
});
p("security-group-rules.create.bad-body", "POST", "/v2.0/security-group-rules", {
  body: { security_group_rule: { security_group_id: "{sg}", direction: "sideways" } },
});
p("security-group-rules.create.other-project", "POST", "/v2.0/security-group-rules", {
  user: "other",
  body: { security_group_rule: { security_group_id: "{sg}", direction: "ingress", ethertype: "IPv4" } },
});
// Quotas and extensions.
p("quotas.own", "GET", "/v2.0/quotas/{member_project}");
p("quotas.other-project", "GET", "/v2.0/quotas/{other_project}");
p("quotas.update.member", "PUT", "/v2.0/quotas/{member_project}", { body: { quota: { network: 100 } } });
p("quotas.details.own", "GET", "/v2.0/quotas/{member_project}/details");
p("quotas.details.other-project", "GET", "/v2.0/quotas/{other_project}/details");
p("quotas.details.admin", "GET", "/v2.0/quotas/{member_project}/details", { user: "admin" });
p("extensions.list", "GET", "/v2.0/extensions");
p("unknown.path", "GET", "/v2.0/no-such-things");

export const network = list;
