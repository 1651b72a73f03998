import { created, probes } from "./helpers";

const { list, p } = probes("volumev3");
const mv = (v: string) => ({ "OpenStack-API-Version": `volume ${v}` });
const del = created("DELETE", "/volumes/{created}", (b) => b?.volume?.id);

p("volumes.list", "GET", "/volumes");
p("volumes.list.no-project-in-url", "GET", "/volumes", { bare: true });
p("volumes.list.no-project-in-url.mv-3.67", "GET", "/volumes", { bare: true, headers: mv("3.67") });
p("volumes.list.anon", "GET", "/volumes", { user: "anon" });
p("volumes.detail", "GET", "/volumes/detail");
p("volumes.detail.all_tenants.member", "GET", "/volumes/detail?all_tenants=1");
p("volumes.detail.all_tenants.admin", "GET", "/volumes/detail?all_tenants=1&limit=1", { user: "admin" });
p("volumes.detail.mv-3.60", "GET", "/volumes/detail?limit=1", { headers: mv("3.60") });
p("volumes.detail.mv-latest", "GET", "/volumes/detail?limit=1", { headers: mv("latest") });
p("volumes.detail.mv-too-new", "GET", "/volumes/detail", { headers: mv("3.999") });
p("volumes.detail.mv-garbage", "GET", "/volumes/detail", { headers: mv("three") });
p("volumes.get", "GET", "/volumes/{volume}");
p("volumes.get.other-project", "GET", "/volumes/{volume}", { user: "other" });
p("volumes.get.missing", "GET", "/volumes/{missing}");
p("volumes.create", "POST", "/volumes", { body: { volume: { name: "{tag}-v2", size: 1 } }, cleanup: del });
p("volumes.create.chunked", "POST", "/volumes", { body: { volume: { name: "{tag}-v3", size: 1 } }, chunked: true, cleanup: del });
p("volumes.create.bad-body", "POST", "/volumes", { body: { volume: { name: "{tag}-v4", size: "huge" } } });
p("volumes.create.not-json", "POST", "/volumes", { body: "{not json" });
p("volumes.create.bad-type", "POST", "/volumes", { body: { volume: { name: "{tag}-v5", size: 1, volume_type: "{tag}-no-type" } } });
p("volumes.update", "PUT", "/volumes/{volume}", { body: { volume: { description: "zenith differential" } } });
p("volumes.update.chunked", "PUT", "/volumes/{volume}", { body: { volume: { description: "x" } }, chunked: true });
p("volumes.get.admin", "GET", "/volumes/{volume}", { user: "admin" });
p("volumes.update.bad-body", "PUT", "/volumes/{volume}", { body: { volume: { size: 5 } } });
p("volumes.delete.missing", "DELETE", "/volumes/{missing}");
p("volumes.delete.other-project", "DELETE", "/volumes/{volume}", { user: "other" });
// Volume actions (the volume-actions issue).
p("volumes.action.extend.bad-body", "POST", "/volumes/{volume}/action", { body: { "os-extend": { new_size: 0 } } });
p("volumes.action.unknown", "POST", "/volumes/{volume}/action", { body: { "os-bogus": {} } });
p("volumes.action.reset-status.member", "POST", "/volumes/{volume}/action", { body: { "os-reset_status": { status: "available" } } });
p("volumes.action.readonly", "POST", "/volumes/{volume}/action", { body: { "os-update_readonly_flag": { readonly: false } } });
p("volumes.action.other-project", "POST", "/volumes/{volume}/action", { user: "other", body: { "os-extend": { new_size: 2 } } });
p("volumes.action.chunked", "POST", "/volumes/{volume}/action", {
  body: { "os-update_readonly_flag": { readonly: false } },
  chunked: true,
});
p("volumes.metadata", "GET", "/volumes/{volume}/metadata");
// Extend (the volume grows to 2 GiB), retype, attach and detach (os-attach, attachments at 3.27).
const mv27 = mv("3.27");
// Cinder extends asynchronously: the size changes when the volume service is done, so each extend waits for the volume to settle.
const settled = { path: "/volumes/{volume}", until: (b: any) => ["available", "in-use"].includes(b?.volume?.status) };
p("volumes.action.extend", "POST", "/volumes/{volume}/action", { body: { "os-extend": { new_size: 2 } }, settle: settled });
p("volumes.action.extend.not-larger", "POST", "/volumes/{volume}/action", { body: { "os-extend": { new_size: 2 } }, settle: settled });
p("volumes.action.extend.missing", "POST", "/volumes/{missing}/action", { body: { "os-extend": { new_size: 3 } } });
p("volumes.action.retype.missing-type", "POST", "/volumes/{volume}/action", { body: { "os-retype": { new_type: "{tag}-no-type" } } });
p("volumes.action.retype.bad-body", "POST", "/volumes/{volume}/action", { body: { "os-retype": {} } });
p("volumes.action.retype.same-type", "POST", "/volumes/{volume}/action", { body: { "os-retype": { new_type: "{volume_type}" } } });
p("volumes.action.retype.not-string", "POST", "/volumes/{volume}/action", { body: { "os-retype": { new_type: 5 } } });
p("volumes.action.retype.bad-policy", "POST", "/volumes/{volume}/action", {
  body: { "os-retype": { new_type: "{volume_type}", migration_policy: "sometimes" } },
});
p("volumes.action.retype.extra", "POST", "/volumes/{volume}/action", { body: { "os-retype": { new_type: "x", bogus: 1 } } });
p("volumes.action.retype.other-project", "POST", "/volumes/{volume}/action", {
  user: "other",
  body: { "os-retype": { new_type: "{volume_type}" } },
});
p("volumes.action.attach.bad-body", "POST", "/volumes/{volume}/action", { body: { "os-attach": { mountpoint: "/dev/vdb" } } });
p("volumes.action.attach.other-project", "POST", "/volumes/{volume}/action", {
  user: "other",
  body: { "os-attach": { instance_uuid: "{server}", mountpoint: "/dev/vdb" } },
});
p("volumes.action.force-detach.member", "POST", "/volumes/{volume}/action", { body: { "os-force_detach": {} } });
p("attachments.create.bad-body", "POST", "/attachments", { body: { attachment: { instance_uuid: "{server}" } }, headers: mv27 });
p("attachments.create.old-mv", "POST", "/attachments", { body: { attachment: { volume_uuid: "{volume}", instance_uuid: "{server}" } } });
p("attachments.create.other-project", "POST", "/attachments", {
  user: "other",
  body: { attachment: { volume_uuid: "{volume}", instance_uuid: "{server}" } },
  headers: mv27,
});
p("attachments.create.missing-volume", "POST", "/attachments", {
  body: { attachment: { volume_uuid: "{missing}", instance_uuid: "{server}" } },
  headers: mv27,
});
p("attachments.get.missing", "GET", "/attachments/{missing}", { headers: mv27 });
p("attachments.delete.missing", "DELETE", "/attachments/{missing}", { headers: mv27 });
p("attachments.create.chunked", "POST", "/attachments", {
  body: { attachment: { volume_uuid: "{volume}", instance_uuid: "{server}" } },
  headers: mv27,
  chunked: true,
});
p("attachments.create", "POST", "/attachments", {
  body: { attachment: { volume_uuid: "{volume}", instance_uuid: "{server}" } },
  headers: mv27,
  cleanup: created("DELETE", "/attachments/{created}", (b) => b?.attachment?.id, undefined, mv27),
});
p("volumes.action.attach", "POST", "/volumes/{volume}/action", {
  body: { "os-attach": { instance_uuid: "{missing}", mountpoint: "/dev/vdb" } },
});
p("volumes.get.attached", "GET", "/volumes/{volume}");
p("volumes.action.detach", "POST", "/volumes/{volume}/action", { body: { "os-detach": {} } });
// Snapshots, types, limits, quotas, services, pools.
p("snapshots.list", "GET", "/snapshots");
p("snapshots.detail", "GET", "/snapshots/detail");
p("snapshots.get.missing", "GET", "/snapshots/{missing}");
p("snapshots.create", "POST", "/snapshots", {
  body: { snapshot: { name: "{tag}-s2", volume_id: "{volume}" } },
  cleanup: created("DELETE", "/snapshots/{created}", (b) => b?.snapshot?.id),
});
p("snapshots.create.other-project", "POST", "/snapshots", {
  user: "other",
  body: { snapshot: { name: "{tag}-s3", volume_id: "{volume}" } },
});
p("snapshots.create.bad-body", "POST", "/snapshots", { body: { snapshot: { name: "{tag}-s1" } } });
// 3.66+: force=false is refused (force=true is ignored, and an in-use volume is snapshotted without it).
p("snapshots.create.force-false.mv-3.67", "POST", "/snapshots", {
  headers: mv("3.67"),
  body: { snapshot: { name: "{tag}-s4", volume_id: "{volume}", force: false } },
  cleanup: created("DELETE", "/snapshots/{created}", (b) => b?.snapshot?.id),
});
p("snapshots.create.force-false.mv-3.0", "POST", "/snapshots", {
  body: { snapshot: { name: "{tag}-s5", volume_id: "{volume}", force: false } },
  cleanup: created("DELETE", "/snapshots/{created}", (b) => b?.snapshot?.id),
});
p("types.list", "GET", "/types");
p("types.default", "GET", "/types/default");
p("types.get.missing", "GET", "/types/{missing}");
p("types.create.member", "POST", "/types", { body: { volume_type: { name: "{tag}-t1" } } });
p("limits.get", "GET", "/limits");
p("quota-sets.own", "GET", "/os-quota-sets/{member_project}");
p("quota-sets.other-project", "GET", "/os-quota-sets/{other_project}");
p("quota-sets.usage", "GET", "/os-quota-sets/{member_project}?usage=true");
p("services.list.member", "GET", "/os-services");
p("services.list.admin", "GET", "/os-services", { user: "admin" });
p("services.list.admin.binary", "GET", "/os-services?binary=cinder-volume", { user: "admin" });
p("services.disable.member", "PUT", "/os-services/disable", { body: { host: "{tag}-host", binary: "cinder-volume" } });
p("services.disable.missing-host.admin", "PUT", "/os-services/disable", {
  user: "admin",
  body: { host: "{tag}-host", binary: "cinder-volume" },
});
p("services.disable.bad-body.admin", "PUT", "/os-services/disable", { user: "admin", body: {} });
p("services.disable.no-host.admin", "PUT", "/os-services/disable", { user: "admin", body: { binary: "cinder-volume" } });
p("services.unknown-action.admin", "PUT", "/os-services/bogus", { user: "admin", body: { host: "{tag}-host" } });
p("pools.member", "GET", "/scheduler-stats/get_pools");
p("availability-zone.list", "GET", "/os-availability-zone");
p("attachments.list", "GET", "/attachments", { headers: mv("3.27") });
p("attachments.list.old-mv", "GET", "/attachments");
p("unknown.path", "GET", "/no-such-things");
// Last: a retype runs on (retyping) after its 202, and the volume is deleted next.
p("volumes.action.retype", "POST", "/volumes/{volume}/action", { body: { "os-retype": { new_type: "{other_volume_type}" } } });

export const volume = list;
