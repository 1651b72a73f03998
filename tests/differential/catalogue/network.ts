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
// Router gateway and interfaces, then floating IPs through them (in this order: each step needs the one before).
const gw = (info: unknown) => ({ body: { router: { external_gateway_info: info } } });
p("routers.get", "GET", "/v2.0/routers/{router}");
p("routers.get.other-project", "GET", "/v2.0/routers/{router}", { user: "other" });
p("routers.gateway.not-external", "PUT", "/v2.0/routers/{router}", gw({ network_id: "{network}" }));
p("routers.gateway.missing-network", "PUT", "/v2.0/routers/{router}", gw({ network_id: "{missing}" }));
p("routers.gateway.bad-body", "PUT", "/v2.0/routers/{router}", gw({ network_id: "not-a-uuid" }));
p("routers.gateway.snat.member", "PUT", "/v2.0/routers/{router}", gw({ network_id: "{ext_network}", enable_snat: false }));
p("routers.gateway.other-project", "PUT", "/v2.0/routers/{router}", { user: "other", ...gw({ network_id: "{ext_network}" }) });
p("routers.gateway.set", "PUT", "/v2.0/routers/{router}", gw({ network_id: "{ext_network}" }));
const ifc = (what: string, body: unknown, user: "member" | "other" = "member") =>
  p(`routers.${what}`, "PUT", `/v2.0/routers/{router}/${what.split(".")[0]}`, { body, user });
ifc("add_router_interface.neither", {});
ifc("add_router_interface.both", { subnet_id: "{int_subnet}", port_id: "{int_port}" });
ifc("add_router_interface.missing-subnet", { subnet_id: "{missing}" });
ifc("add_router_interface.other-project", { subnet_id: "{int_subnet}" }, "other");
ifc("add_router_interface", { subnet_id: "{int_subnet}" });
ifc("add_router_interface.duplicate", { subnet_id: "{int_subnet}" });
p("routers.delete.in-use", "DELETE", "/v2.0/routers/{router}");
p("routers.delete.other-project", "DELETE", "/v2.0/routers/{router}", { user: "other" });
p("routers.delete.missing", "DELETE", "/v2.0/routers/{missing}");
const fipDel = del("/v2.0/floatingips/{created}", "floatingip");
p("floatingips.create", "POST", "/v2.0/floatingips", { body: { floatingip: { floating_network_id: "{ext_network}" } }, cleanup: fipDel });
p("floatingips.create.associated", "POST", "/v2.0/floatingips", {
  body: { floatingip: { floating_network_id: "{ext_network}", port_id: "{int_port}" } },
  cleanup: fipDel,
});
p("floatingips.create.address.member", "POST", "/v2.0/floatingips", {
  body: { floatingip: { floating_network_id: "{ext_network}", floating_ip_address: "198.51.100.250" } },
});
p("floatingips.create.missing-network", "POST", "/v2.0/floatingips", { body: { floatingip: { floating_network_id: "{missing}" } } });
p("floatingips.create.missing-port", "POST", "/v2.0/floatingips", {
  body: { floatingip: { floating_network_id: "{ext_network}", port_id: "{missing}" } },
});
p("floatingips.update.missing", "PUT", "/v2.0/floatingips/{missing}", { body: { floatingip: { port_id: null } } });
p("floatingips.delete.missing", "DELETE", "/v2.0/floatingips/{missing}");
ifc("remove_router_interface.other-project", { subnet_id: "{int_subnet}" }, "other");
ifc("remove_router_interface", { subnet_id: "{int_subnet}" });
ifc("remove_router_interface.again", { subnet_id: "{int_subnet}" });
p("routers.gateway.clear", "PUT", "/v2.0/routers/{router}", gw({}));
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
p("security-groups.create", "POST", "/v2.0/security-groups", {
  body: { security_group: { name: "{tag}-sg2", description: "zenith differential" } },
  cleanup: del("/v2.0/security-groups/{created}", "security_group"),
});
p("security-groups.create.chunked", "POST", "/v2.0/security-groups", {
  body: { security_group: { name: "{tag}-sg3" } },
  chunked: true,
  cleanup: del("/v2.0/security-groups/{created}", "security_group"),
});
p("security-groups.create.not-json", "POST", "/v2.0/security-groups", { body: "{not json" });
p("security-groups.get.missing", "GET", "/v2.0/security-groups/{missing}");
p("security-groups.update", "PUT", "/v2.0/security-groups/{sg}", { body: { security_group: { description: "zenith" } } });
p("security-groups.update.bad-body", "PUT", "/v2.0/security-groups/{sg}", { body: { security_group: { name: 7 } } });
p("security-groups.update.other-project", "PUT", "/v2.0/security-groups/{sg}", {
  user: "other",
  body: { security_group: { description: "x" } },
});
p("security-groups.delete.missing", "DELETE", "/v2.0/security-groups/{missing}");
p("security-group-rules.list", "GET", "/v2.0/security-group-rules?security_group_id={sg}");
p("security-group-rules.get.missing", "GET", "/v2.0/security-group-rules/{missing}");
p("security-group-rules.delete.missing", "DELETE", "/v2.0/security-group-rules/{missing}");
p("security-group-rules.create.duplicate", "POST", "/v2.0/security-group-rules", {
  body: { security_group_rule: { security_group_id: "{sg}", direction: "egress", ethertype: "IPv4" } },
});
p("security-group-rules.create.missing-group", "POST", "/v2.0/security-group-rules", {
  body: { security_group_rule: { security_group_id: "{missing}", direction: "ingress", ethertype: "IPv4" } },
});
p("security-group-rules.create.bad-port-range", "POST", "/v2.0/security-group-rules", {
  body: {
    security_group_rule: { security_group_id: "{sg}", direction: "ingress", protocol: "tcp", port_range_min: 90, port_range_max: 80 },
  },
});
p("security-group-rules.create.chunked", "POST", "/v2.0/security-group-rules", {
  body: { security_group_rule: { security_group_id: "{sg}", direction: "ingress", protocol: "udp", ethertype: "IPv4" } },
  chunked: true,
  cleanup: del("/v2.0/security-group-rules/{created}", "security_group_rule"),
});
// Quotas and extensions.
p("quotas.own", "GET", "/v2.0/quotas/{member_project}");
p("quotas.other-project", "GET", "/v2.0/quotas/{other_project}");
p("quotas.update.member", "PUT", "/v2.0/quotas/{member_project}", { body: { quota: { network: 100 } } });
p("quotas.delete.member", "DELETE", "/v2.0/quotas/{member_project}");
p("quotas.list.member", "GET", "/v2.0/quotas");
// Quota changes (admin only) on the run's own project; the reset last, so nothing is left behind.
p("quotas.update.admin", "PUT", "/v2.0/quotas/{other_project}", { user: "admin", body: { quota: { network: 7, port: "40" } } });
p("quotas.get.after-update", "GET", "/v2.0/quotas/{other_project}", { user: "other" });
p("quotas.list.admin", "GET", "/v2.0/quotas", { user: "admin" });
p("quotas.update.bad-body", "PUT", "/v2.0/quotas/{other_project}", { user: "admin", body: { quota: { network: "many" } } });
p("quotas.update.too-small", "PUT", "/v2.0/quotas/{other_project}", { user: "admin", body: { quota: { network: -5 } } });
p("quotas.update.unknown-attr", "PUT", "/v2.0/quotas/{other_project}", { user: "admin", body: { quota: { bogus: 3 } } });
p("quotas.update.project-attr", "PUT", "/v2.0/quotas/{other_project}", {
  user: "admin",
  body: { quota: { network: 3, project_id: "{other_project}" } },
});
p("quotas.update.not-json", "PUT", "/v2.0/quotas/{other_project}", { user: "admin", body: "{not json" });
p("quotas.update.chunked", "PUT", "/v2.0/quotas/{other_project}", { user: "admin", body: { quota: { network: 8 } }, chunked: true });
p("quotas.delete.admin", "DELETE", "/v2.0/quotas/{other_project}", { user: "admin" });
p("quotas.delete.admin.none-set", "DELETE", "/v2.0/quotas/{other_project}", { user: "admin" });
p("quotas.details.own", "GET", "/v2.0/quotas/{member_project}/details");
p("quotas.details.other-project", "GET", "/v2.0/quotas/{other_project}/details");
p("quotas.details.admin", "GET", "/v2.0/quotas/{member_project}/details", { user: "admin" });
p("extensions.list", "GET", "/v2.0/extensions");
p("unknown.path", "GET", "/v2.0/no-such-things");

export const network = list;
