import { created, probes } from "./helpers";

const { list, p } = probes("compute");
const mv = (v: string) => ({ "OpenStack-API-Version": `compute ${v}` });

// The version document and the token check.
p("version.get", "GET", "/", { user: "anon" });
p("servers.list.anon", "GET", "/servers", { user: "anon" });
// Servers: what the BFF lists, shows and acts on.
p("servers.list", "GET", "/servers");
p("servers.detail", "GET", "/servers/detail");
p("servers.detail.admin", "GET", "/servers/detail?all_tenants=1", { user: "admin" });
p("servers.detail.all_tenants.member", "GET", "/servers/detail?all_tenants=1");
p("servers.detail.mv-latest", "GET", "/servers/detail?limit=1", { headers: mv("latest") });
p("servers.detail.mv-too-new", "GET", "/servers/detail", { headers: mv("2.999") });
p("servers.detail.mv-garbage", "GET", "/servers/detail", { headers: mv("two") });
p("servers.detail.mv-legacy-header", "GET", "/servers/detail", { headers: { "X-OpenStack-Nova-API-Version": "2.60" } });
p("servers.get", "GET", "/servers/{server}");
p("servers.get.mv-2.79", "GET", "/servers/{server}", { headers: mv("2.79") });
p("servers.get.other-project", "GET", "/servers/{server}", { user: "other" });
p("servers.get.missing", "GET", "/servers/{missing}");
p("servers.get.admin", "GET", "/servers/{server}", { user: "admin" });
p("servers.create.bad-body", "POST", "/servers", { body: { server: { name: "{tag}-bad" } } });
p("servers.create.not-json", "POST", "/servers", { body: "{not json" });
p("servers.create.chunked", "POST", "/servers", {
  body: { server: { name: "{tag}-chunked", flavorRef: "{flavor}", imageRef: "{public_image}", networks: "none" } },
  headers: mv("2.37"),
  chunked: true,
  cleanup: created("DELETE", "/servers/{created}", (b) => b?.server?.id),
});
p("servers.create.bad-flavor", "POST", "/servers", {
  body: { server: { name: "{tag}-x", flavorRef: "{missing}", imageRef: "{public_image}", networks: "none" } },
  headers: mv("2.37"),
});
p("servers.update", "PUT", "/servers/{server}", { body: { server: { name: "{tag}-srv" } } });
p("servers.update.bad-body", "PUT", "/servers/{server}", { body: { server: { flavorRef: "1" } } });
p("servers.update.other-project", "PUT", "/servers/{server}", { user: "other", body: { server: { name: "x" } } });
p("servers.delete.missing", "DELETE", "/servers/{missing}");
p("servers.action.unknown", "POST", "/servers/{server}/action", { body: { "os-bogus": null } });
p("servers.action.console-output", "POST", "/servers/{server}/action", { body: { "os-getConsoleOutput": { length: 5 } } });
p("servers.action.console-output.other-project", "POST", "/servers/{server}/action", {
  user: "other",
  body: { "os-getConsoleOutput": { length: 5 } },
});
p("servers.action.reboot.bad-body", "POST", "/servers/{server}/action", { body: { reboot: { type: "SIDEWAYS" } } });
p("servers.action.chunked", "POST", "/servers/{server}/action", { body: { "os-getConsoleOutput": { length: 5 } }, chunked: true });
p("servers.action.reset-state.member", "POST", "/servers/{server}/action", { body: { "os-resetState": { state: "active" } } });
p("servers.action.migrate.member", "POST", "/servers/{server}/action", { body: { migrate: null } });
// Consoles (the consoles issue).
p("servers.remote-console.novnc", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "vnc", type: "novnc" } },
  headers: mv("2.6"),
});
p("servers.remote-console.bad-body", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "telepathy", type: "novnc" } },
  headers: mv("2.6"),
});
p("servers.remote-console.old-mv", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "vnc", type: "novnc" } },
});
// Attachments, interfaces, server details the instance page reads.
p("servers.volume-attachments", "GET", "/servers/{server}/os-volume_attachments");
p("servers.volume-attachments.missing-server", "GET", "/servers/{missing}/os-volume_attachments");
p("servers.interfaces", "GET", "/servers/{server}/os-interface");
p("servers.instance-actions", "GET", "/servers/{server}/os-instance-actions");
p("servers.metadata", "GET", "/servers/{server}/metadata");
// Flavors, key pairs, limits, quotas.
p("flavors.detail", "GET", "/flavors/detail");
p("flavors.get", "GET", "/flavors/{flavor}");
p("flavors.get.missing", "GET", "/flavors/{missing}");
p("flavors.create.member", "POST", "/flavors", { body: { flavor: { name: "{tag}-fl", ram: 64, vcpus: 1, disk: 0 } } });
p("keypairs.list", "GET", "/os-keypairs");
p("keypairs.get", "GET", "/os-keypairs/{keypair}");
p("keypairs.get.other-user", "GET", "/os-keypairs/{keypair}", { user: "other" });
p("keypairs.create.duplicate", "POST", "/os-keypairs", { body: { keypair: { name: "{keypair}" } } });
p("keypairs.create.bad-body", "POST", "/os-keypairs", { body: { keypair: { name: "" } } });
p("keypairs.create.chunked", "POST", "/os-keypairs", {
  body: { keypair: { name: "{tag}-kp2" } },
  chunked: true,
  cleanup: created("DELETE", "/os-keypairs/{created}", (b) => b?.keypair?.name),
});
p("keypairs.create", "POST", "/os-keypairs", {
  body: { keypair: { name: "{tag}-kp3" } },
  cleanup: created("DELETE", "/os-keypairs/{created}", (b) => b?.keypair?.name),
});
p("keypairs.delete.other-user", "DELETE", "/os-keypairs/{keypair}", { user: "other" });
p("keypairs.delete.missing", "DELETE", "/os-keypairs/{tag}-nope");
p("limits.get", "GET", "/limits");
p("quota-sets.own", "GET", "/os-quota-sets/{member_project}");
p("quota-sets.other-project", "GET", "/os-quota-sets/{other_project}");
p("quota-sets.detail.admin", "GET", "/os-quota-sets/{member_project}/detail", { user: "admin" });
p("quota-sets.detail.own", "GET", "/os-quota-sets/{member_project}/detail");
// Admin APIs (hypervisors, services, aggregates, availability zones).
p("hypervisors.list.member", "GET", "/os-hypervisors");
p("hypervisors.list.admin", "GET", "/os-hypervisors", { user: "admin" });
p("hypervisors.detail.admin", "GET", "/os-hypervisors/detail", { user: "admin" });
p("hypervisors.detail.admin.mv-2.88", "GET", "/os-hypervisors/detail", { user: "admin", headers: mv("2.88") });
p("hypervisors.statistics.member", "GET", "/os-hypervisors/statistics");
p("hypervisors.get.missing.admin", "GET", "/os-hypervisors/{missing}", { user: "admin", headers: mv("2.53") });
p("services.list.member", "GET", "/os-services");
p("services.list.admin", "GET", "/os-services", { user: "admin" });
p("aggregates.list.member", "GET", "/os-aggregates");
p("availability-zone.list", "GET", "/os-availability-zone");
p("availability-zone.detail.member", "GET", "/os-availability-zone/detail");
p("simple-tenant-usage.member-all", "GET", "/os-simple-tenant-usage");
p("unknown.path", "GET", "/os-no-such-thing");
// What the BFF's list asks at 2.69, and a power action last (it changes the server's state).
p("servers.detail.mv-2.69", "GET", "/servers/detail?limit=5&name=^{tag}-srv$", { headers: mv("2.69") });
p("servers.delete.other-project", "DELETE", "/servers/{server}", { user: "other" });
p("servers.action.reboot.other-project", "POST", "/servers/{server}/action", { user: "other", body: { reboot: { type: "SOFT" } } });
p("servers.action.reboot", "POST", "/servers/{server}/action", { body: { reboot: { type: "SOFT" } } });

export const compute = list;
