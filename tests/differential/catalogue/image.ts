import { created, probes } from "./helpers";

const { list, p } = probes("image");
const del = created("DELETE", "/v2/images/{created}", (b) => b?.id);
const patch = { "Content-Type": "application/openstack-images-v2.1-json-patch" };

p("versions", "GET", "/versions", { user: "anon" });
p("images.list", "GET", "/v2/images");
p("images.list.anon", "GET", "/v2/images", { user: "anon" });
p("images.list.by-name", "GET", "/v2/images?name={tag}-img");
p("images.list.bad-limit", "GET", "/v2/images?limit=many");
p("images.list.bad-sort", "GET", "/v2/images?sort_key=flavour");
p("images.get", "GET", "/v2/images/{image}");
p("images.get.other-project", "GET", "/v2/images/{image}", { user: "other" });
p("images.get.missing", "GET", "/v2/images/{missing}");
p("images.get.public", "GET", "/v2/images/{public_image}", { user: "other" });
p("images.create", "POST", "/v2/images", { body: { name: "{tag}-i2", disk_format: "raw", container_format: "bare" }, cleanup: del });
p("images.create.chunked", "POST", "/v2/images", {
  body: { name: "{tag}-i3", disk_format: "raw", container_format: "bare" },
  chunked: true,
  cleanup: del,
});
p("images.create.bad-body", "POST", "/v2/images", { body: { name: "{tag}-i4", disk_format: "floppy" } });
p("images.create.not-json", "POST", "/v2/images", { body: "{not json" });
p("images.create.public.member", "POST", "/v2/images", { body: { name: "{tag}-i5", visibility: "public" } });
p("images.update", "PATCH", "/v2/images/{image}", { body: [{ op: "replace", path: "/min_ram", value: 64 }], headers: patch });
p("images.update.wrong-media-type", "PATCH", "/v2/images/{image}", { body: [{ op: "replace", path: "/min_ram", value: 64 }] });
p("images.update.bad-patch", "PATCH", "/v2/images/{image}", {
  body: [{ op: "replace", path: "/status", value: "active" }],
  headers: patch,
});
p("images.update.other-project", "PATCH", "/v2/images/{image}", {
  user: "other",
  body: [{ op: "replace", path: "/min_ram", value: 1 }],
  headers: patch,
});
p("images.update.chunked", "PATCH", "/v2/images/{image}", {
  body: [{ op: "replace", path: "/min_disk", value: 1 }],
  headers: patch,
  chunked: true,
});
p("images.get.admin", "GET", "/v2/images/{image}", { user: "admin" });
p("images.delete.other-project", "DELETE", "/v2/images/{image}", { user: "other" });
p("images.delete.public.member", "DELETE", "/v2/images/{public_image}");
p("images.delete.missing", "DELETE", "/v2/images/{missing}");
p("images.file.queued", "GET", "/v2/images/{image}/file");
// Image data: downloads, and the deactivation that forbids them to non-admins.
p("images.file", "GET", "/v2/images/{image_data}/file");
p("images.file.admin", "GET", "/v2/images/{image_data}/file", { user: "admin" });
p("images.file.other-project", "GET", "/v2/images/{image_data}/file", { user: "other" });
p("images.file.missing", "GET", "/v2/images/{missing}/file");
p("images.file.anon", "GET", "/v2/images/{image_data}/file", { user: "anon" });
p("images.deactivate.queued", "POST", "/v2/images/{image}/actions/deactivate");
p("images.deactivate.other-project", "POST", "/v2/images/{image_data}/actions/deactivate", { user: "other" });
p("images.deactivate", "POST", "/v2/images/{image_data}/actions/deactivate");
p("images.deactivate.again", "POST", "/v2/images/{image_data}/actions/deactivate");
p("images.file.deactivated", "GET", "/v2/images/{image_data}/file");
p("images.file.deactivated.admin", "GET", "/v2/images/{image_data}/file", { user: "admin" });
p("images.reactivate", "POST", "/v2/images/{image_data}/actions/reactivate");
p("images.reactivate.queued", "POST", "/v2/images/{image}/actions/reactivate");
p("images.file.reactivated", "GET", "/v2/images/{image_data}/file");
p("images.members.private", "GET", "/v2/images/{image}/members");
// Interoperable image import (the image-import issue).
p("info.import", "GET", "/v2/info/import");
p("images.import.not-staged", "POST", "/v2/images/{image}/import", { body: { method: { name: "glance-direct" } } });
p("images.import.bad-method", "POST", "/v2/images/{image}/import", { body: { method: { name: "teleport" } } });
p("images.import.missing", "POST", "/v2/images/{missing}/import", {
  body: { method: { name: "web-download", uri: "http://127.0.0.1:1/x.img" } },
});
p("images.import.no-method", "POST", "/v2/images/{image}/import", { body: { all_stores: false } });
p("images.import.not-json", "POST", "/v2/images/{image}/import", { body: "{not json", headers: { "Content-Type": "application/json" } });
p("images.import.web-download.filtered", "POST", "/v2/images/{image}/import", {
  body: { method: { name: "web-download", uri: "http://127.0.0.1:1/x.img" } },
});
p("images.import.web-download.no-uri", "POST", "/v2/images/{image}/import", { body: { method: { name: "web-download" } } });
p("images.import.web-download.ftp", "POST", "/v2/images/{image}/import", {
  body: { method: { name: "web-download", uri: "ftp://images.openstack.org/x.img" } },
});
p("images.import.active", "POST", "/v2/images/{public_image}/import", { body: { method: { name: "glance-direct" } } });
p("images.import.copy-image.member", "POST", "/v2/images/{public_image}/import", {
  body: { method: { name: "copy-image" }, stores: ["ceph"] },
});
p("images.tasks.none", "GET", "/v2/images/{image}/tasks");
p("images.tasks.missing", "GET", "/v2/images/{missing}/tasks");
// glance-direct: stage 4 KiB into the run's queued image, then import it (the image is active afterwards).
const octets = { "Content-Type": "application/octet-stream" };
const STAGED = "zenith-differential-stage-".repeat(160);
p("images.stage.missing", "PUT", "/v2/images/{missing}/stage", { body: STAGED, headers: octets });
p("images.stage.not-owner", "PUT", "/v2/images/{public_image}/stage", { body: STAGED, headers: octets });
p("images.stage.other-project", "PUT", "/v2/images/{image}/stage", { user: "other", body: STAGED, headers: octets });
p("images.stage", "PUT", "/v2/images/{image}/stage", { body: STAGED, headers: octets });
p("images.stage.again", "PUT", "/v2/images/{image}/stage", { body: STAGED, headers: octets });
p("images.get.staged", "GET", "/v2/images/{image}");
p("images.import.glance-direct.other-project", "POST", "/v2/images/{image}/import", {
  user: "other",
  body: { method: { name: "glance-direct" } },
});
p("images.import.glance-direct", "POST", "/v2/images/{image}/import", { body: { method: { name: "glance-direct" } } });
p("schemas.image", "GET", "/v2/schemas/image");
p("unknown.path", "GET", "/v2/no-such-things");
// Uploads last: they make the queued image active.
p("images.upload.wrong-media-type", "PUT", "/v2/images/{image}/file", { body: "abc" });
p("images.upload.other-project", "PUT", "/v2/images/{image}/file", { user: "other", body: "abc", headers: octets });
p("images.upload", "PUT", "/v2/images/{image}/file", { body: "abc", headers: octets });
p("images.upload.again", "PUT", "/v2/images/{image}/file", { body: "abc", headers: octets });

export const image = list;
