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
// "none" and "auto" are strings from 2.37 on; before, networks is a list (nothing is created either way).
p("servers.create.networks-none.mv-2.1", "POST", "/servers", {
  body: { server: { name: "{tag}-x", flavorRef: "{flavor}", imageRef: "{public_image}", networks: "none" } },
  headers: mv("2.1"),
  cleanup: created("DELETE", "/servers/{created}", (b) => b?.server?.id),
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
// Attach and detach (issue 13, the volume pages), without changing the fixtures: each is refused.
p("servers.volume-attach.no-body", "POST", "/servers/{server}/os-volume_attachments", { body: {} });
p("servers.volume-attach.no-volume-id", "POST", "/servers/{server}/os-volume_attachments", { body: { volumeAttachment: {} } });
p("servers.volume-attach.bad-volume-id", "POST", "/servers/{server}/os-volume_attachments", {
  body: { volumeAttachment: { volumeId: "not-a-uuid" } },
});
p("servers.volume-attach.missing-volume", "POST", "/servers/{server}/os-volume_attachments", {
  body: { volumeAttachment: { volumeId: "{missing}" } },
});
p("servers.volume-attach.missing-server", "POST", "/servers/{missing}/os-volume_attachments", {
  body: { volumeAttachment: { volumeId: "{volume}" } },
});
p("servers.volume-detach.not-attached", "DELETE", "/servers/{server}/os-volume_attachments/{volume}");
p("servers.volume-detach.missing-volume", "DELETE", "/servers/{server}/os-volume_attachments/{missing}");
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
p("keypairs.import", "POST", "/os-keypairs", {
  body: {
    keypair: {
      name: "{tag}-kp4",
      public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJDCAG4CJZGpBNmE1rRMSWuBnnQaWcy/TrRf8GE/10NI zenith@test",
    },
  },
  cleanup: created("DELETE", "/os-keypairs/{created}", (b) => b?.keypair?.name),
});
p("keypairs.import.bad-key", "POST", "/os-keypairs", { body: { keypair: { name: "{tag}-kp5", public_key: "ssh-rsa not-a-key" } } });
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
// Hypervisors and services (the admin issues): success, member-forbidden, not found, bad query, bad microversion.
const mv53 = mv("2.53");
p("hypervisors.list.admin.mv-2.53", "GET", "/os-hypervisors", { user: "admin", headers: mv53 });
p("hypervisors.list.admin.with-servers", "GET", "/os-hypervisors?with_servers=true", { user: "admin", headers: mv53 });
p("hypervisors.list.admin.bad-query", "GET", "/os-hypervisors?limit=many", { user: "admin", headers: mv53 });
p("hypervisors.list.admin.mv-garbage", "GET", "/os-hypervisors", { user: "admin", headers: mv("two") });
p("hypervisors.list.admin.mv-too-new", "GET", "/os-hypervisors", { user: "admin", headers: mv("2.999") });
p("hypervisors.detail.member", "GET", "/os-hypervisors/detail");
p("hypervisors.statistics.admin", "GET", "/os-hypervisors/statistics", { user: "admin" });
p("hypervisors.statistics.admin.mv-2.88", "GET", "/os-hypervisors/statistics", { user: "admin", headers: mv("2.88") });
p("hypervisors.get.admin", "GET", "/os-hypervisors/{hypervisor}", { user: "admin", headers: mv53 });
p("hypervisors.get.member", "GET", "/os-hypervisors/{hypervisor}", { headers: mv53 });
p("hypervisors.get.bad-id.admin", "GET", "/os-hypervisors/not-a-uuid", { user: "admin", headers: mv53 });
p("services.list.admin.binary", "GET", "/os-services?binary=nova-compute", { user: "admin" });
p("services.list.admin.mv-2.53", "GET", "/os-services", { user: "admin", headers: mv53 });
p("services.list.admin.mv-garbage", "GET", "/os-services", { user: "admin", headers: mv("two") });
p("services.update.member", "PUT", "/os-services/{missing}", { body: { status: "disabled" }, headers: mv53 });
p("services.update.missing.admin", "PUT", "/os-services/{missing}", { user: "admin", body: { status: "disabled" }, headers: mv53 });
p("services.update.bad-body.admin", "PUT", "/os-services/{missing}", { user: "admin", body: { status: "sideways" }, headers: mv53 });
p("services.delete.member", "DELETE", "/os-services/{missing}", { headers: mv53 });
p("services.delete.missing.admin", "DELETE", "/os-services/{missing}", { user: "admin", headers: mv53 });
// Key pairs: import, the 2.92 rule (a public key is required), other users' key pairs (2.10).
p("keypairs.create.mv-2.92", "POST", "/os-keypairs", { body: { keypair: { name: "{tag}-kp6" } }, headers: mv("2.92") });
p("keypairs.import.mv-2.92", "POST", "/os-keypairs", {
  body: {
    keypair: {
      name: "{tag}-kp7",
      public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGSc/jOOVi7I10F5ZGWIzd3xr+YzCJXZ+9GpYXEMlD6T zenith-differential",
    },
  },
  headers: mv("2.92"),
  cleanup: created("DELETE", "/os-keypairs/{created}", (b) => b?.keypair?.name),
});
p("keypairs.create.mv-garbage", "POST", "/os-keypairs", { body: { keypair: { name: "{tag}-kp8" } }, headers: mv("two") });
p("keypairs.get.missing", "GET", "/os-keypairs/{tag}-nope");
p("keypairs.list.admin.of-user", "GET", "/os-keypairs?user_id={member_user}", { user: "admin", headers: mv("2.10") });
p("keypairs.list.member.of-other-user", "GET", "/os-keypairs?user_id={other_user}", { headers: mv("2.10") });
// Instance actions and consoles on someone else's or no server.
p("servers.instance-actions.other-project", "GET", "/servers/{server}/os-instance-actions", { user: "other" });
p("servers.instance-actions.missing-server", "GET", "/servers/{missing}/os-instance-actions");
p("servers.instance-actions.mv-2.58", "GET", "/servers/{server}/os-instance-actions?limit=1", { headers: mv("2.58") });
p("servers.instance-actions.mv-garbage", "GET", "/servers/{server}/os-instance-actions", { headers: mv("two") });
p("servers.remote-console.other-project", "POST", "/servers/{server}/remote-consoles", {
  user: "other",
  body: { remote_console: { protocol: "vnc", type: "novnc" } },
  headers: mv("2.6"),
});
p("servers.remote-console.missing-server", "POST", "/servers/{missing}/remote-consoles", {
  body: { remote_console: { protocol: "vnc", type: "novnc" } },
  headers: mv("2.6"),
});
p("servers.remote-console.wrong-type", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "vnc", type: "spice-html5" } },
  headers: mv("2.6"),
});
p("servers.remote-console.serial", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "serial", type: "serial" } },
  headers: mv("2.6"),
});
p("servers.remote-console.chunked", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "vnc", type: "novnc" } },
  headers: mv("2.6"),
  chunked: true,
});
// Instance lifecycle actions (issue 13): Nova's refusals — bad body, wrong vm_state, another project's server.
const act = (id: string, body: unknown, user: "member" | "other" = "member") =>
  p(`servers.action.${id}`, "POST", "/servers/{server}/action", { body, user });
act("resize.bad-body", { resize: {} });
act("resize.same-flavor", { resize: { flavorRef: "{flavor}" } });
act("resize.missing-flavor", { resize: { flavorRef: "{missing}" } });
act("resize.other-project", { resize: { flavorRef: "{flavor}" } }, "other");
act("confirm-resize.wrong-state", { confirmResize: null });
act("revert-resize.wrong-state", { revertResize: null });
act("rebuild.bad-body", { rebuild: {} });
act("rebuild.missing-image", { rebuild: { imageRef: "{missing}" } });
act("rebuild.other-project", { rebuild: { imageRef: "{public_image}" } }, "other");
act("shelve.other-project", { shelve: null }, "other");
act("unshelve.wrong-state", { unshelve: null });
act("rescue.bad-body", { rescue: { bogus: 1 } });
act("rescue.other-project", { rescue: null }, "other");
act("unrescue.wrong-state", { unrescue: null });
act("lock.other-project", { lock: null }, "other");
act("create-image.bad-body", { createImage: {} });
act("create-image.other-project", { createImage: { name: "{tag}-x" } }, "other");
// Lock, a refused stop while locked, unlock: the server ends as it began.
act("lock", { lock: null });
act("stop.locked", { "os-stop": null });
act("unlock", { unlock: null });
// An admin's lock (locked_by admin) is the member's to lift only with unlock_override, an admin rule: a 403 naming it.
p("servers.action.lock.admin", "POST", "/servers/{server}/action", { user: "admin", body: { lock: null } });
act("unlock.admin-locked", { unlock: null });
p("servers.action.unlock.admin", "POST", "/servers/{server}/action", { user: "admin", body: { unlock: null } });
// Volume and interface attach/detach refusals (success paths: bff/routes/instances/instance-ops.int.test.ts, both targets).
p("servers.volume-attachments.create.bad-body", "POST", "/servers/{server}/os-volume_attachments", { body: { volumeAttachment: {} } });
p("servers.volume-attachments.create.missing-volume", "POST", "/servers/{server}/os-volume_attachments", {
  body: { volumeAttachment: { volumeId: "{missing}" } },
});
p("servers.volume-attachments.create.other-project", "POST", "/servers/{server}/os-volume_attachments", {
  user: "other",
  body: { volumeAttachment: { volumeId: "{volume}" } },
});
p("servers.volume-attachments.delete.missing-volume", "DELETE", "/servers/{server}/os-volume_attachments/{missing}");
p("servers.interfaces.create.bad-body", "POST", "/servers/{server}/os-interface", { body: { interfaceAttachment: { bogus: 1 } } });
p("servers.interfaces.create.both", "POST", "/servers/{server}/os-interface", {
  body: { interfaceAttachment: { net_id: "{network}", port_id: "{missing}" } },
});
p("servers.interfaces.create.missing-port", "POST", "/servers/{server}/os-interface", {
  body: { interfaceAttachment: { port_id: "{missing}" } },
});
p("servers.interfaces.create.other-project", "POST", "/servers/{server}/os-interface", {
  user: "other",
  body: { interfaceAttachment: { net_id: "{network}" } },
});
p("servers.interfaces.delete.not-attached", "DELETE", "/servers/{server}/os-interface/{missing}");
p("servers.remote-console.spice", "POST", "/servers/{server}/remote-consoles", {
  body: { remote_console: { protocol: "spice", type: "spice-html5" } },
  headers: mv("2.6"),
});
// What the BFF's list asks at 2.69, and a power action last (it changes the server's state).
p("servers.detail.mv-2.69", "GET", "/servers/detail?limit=5&name=^{tag}-srv$", { headers: mv("2.69") });
p("servers.delete.other-project", "DELETE", "/servers/{server}", { user: "other" });
p("servers.action.reboot.other-project", "POST", "/servers/{server}/action", { user: "other", body: { reboot: { type: "SOFT" } } });
p("servers.action.reboot", "POST", "/servers/{server}/action", { body: { reboot: { type: "SOFT" } } });
p("keypairs.delete", "DELETE", "/os-keypairs/{keypair}");

export const compute = list;
