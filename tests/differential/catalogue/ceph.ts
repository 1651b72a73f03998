import { created, probes } from "./helpers";

/**
 * The Ceph Dashboard REST API (Pacific 16.2), the requests bff/ceph/dashboard.ts sends: login, the monitor map,
 * one image by spec (with and without usage), and the lineage changes (flatten, unprotect, snapshot and image
 * delete). "admin" is the BFF's dashboard user; any other caller is anonymous. The image LIST (GET /api/block/image
 * without a spec) is never probed: on the real tier it stats every image with usage, and a 0-byte image with a
 * snapshot (another engineer's) aborts ceph-mgr for everyone. Usage reads go only to the suite's own 8 MiB images.
 */
const { list, p } = probes("ceph");
const v = (ver: string) => ({ Accept: `application/vnd.ceph.api.v${ver}+json` });
const creds = { username: "{ceph_user}", password: "{ceph_password}" };
/** Should a refused create have made the image after all, it goes again (the dashboard's create answers with no body). */
const undo = (name: string) => created("DELETE", `/api/block/image/vms%2F{tag}-${name}`, () => "made", "admin");

// Login.
p("auth.login", "POST", "/api/auth", { user: "anon", body: creds });
p("auth.wrong-password", "POST", "/api/auth", { user: "anon", body: { username: "{ceph_user}", password: "x-{tag}" } });
p("auth.bad-body", "POST", "/api/auth", { user: "anon", body: { username: "{ceph_user}" } });
p("auth.extra-field", "POST", "/api/auth", { user: "anon", body: { ...creds, remember: true } });
p("auth.not-json", "POST", "/api/auth", { user: "anon", body: "{not json" });
p("auth.chunked", "POST", "/api/auth", { user: "anon", body: creds, chunked: true });
p("auth.no-version", "POST", "/api/auth", { user: "anon", body: creds, headers: { Accept: "application/json" } });
p("auth.mv-too-new", "POST", "/api/auth", { user: "anon", body: creds, headers: v("1.9") });
// The monitor map (the cluster's fsid) and the pools.
p("monitor.get", "GET", "/api/monitor", { user: "admin" });
p("monitor.anon", "GET", "/api/monitor");
p("monitor.mv-too-new", "GET", "/api/monitor", { user: "admin", headers: v("2.0") });
p("monitor.no-version", "GET", "/api/monitor", { user: "admin", headers: { Accept: "application/json" } });
p("pool.list", "GET", "/api/pool", { user: "admin" });
p("pool.list.anon", "GET", "/api/pool");
// One image by spec.
p("image.get", "GET", "/api/block/image/{rbd}?omit_usage=true", { user: "admin" });
p("image.get.usage", "GET", "/api/block/image/{rbd}", { user: "admin" });
p("image.get.clone", "GET", "/api/block/image/{rbd_clone}?omit_usage=true", { user: "admin" });
p("image.get.missing", "GET", "/api/block/image/{rbd_missing}?omit_usage=true", { user: "admin" });
p("image.get.anon", "GET", "/api/block/image/{rbd}?omit_usage=true");
p("image.get.bad-token", "GET", "/api/block/image/{rbd}?omit_usage=true", { headers: { Authorization: "Bearer not-a-token" } });
p("image.get.mv-too-new", "GET", "/api/block/image/{rbd}?omit_usage=true", { user: "admin", headers: v("2.0") });
p("image.get.no-version", "GET", "/api/block/image/{rbd}?omit_usage=true", { user: "admin", headers: { Accept: "application/json" } });
p("image.create.bad-body", "POST", "/api/block/image", {
  user: "admin",
  body: { pool_name: "vms", name: "{tag}-bad", size: "huge" },
  cleanup: undo("bad"),
});
p("image.create.no-pool", "POST", "/api/block/image", {
  user: "admin",
  body: { pool_name: "{tag}-nopool", name: "{tag}-x", size: 1048576 },
});
p("image.create.chunked", "POST", "/api/block/image", {
  user: "admin",
  body: { pool_name: "vms", name: "{tag}-chunked", size: 1048576 },
  chunked: true,
  cleanup: undo("chunked"),
});
p("image.create.anon", "POST", "/api/block/image", {
  body: { pool_name: "vms", name: "{tag}-anon", size: 1048576 },
  cleanup: undo("anon"),
});
// The lineage changes, in the order their outcomes depend on: the clone pins the protected snapshot until flattened.
p("snap.unprotect.anon", "PUT", "/api/block/image/{rbd}/snap/s1", { body: { is_protected: false } });
p("snap.unprotect.chunked", "PUT", "/api/block/image/{rbd}/snap/s1", { user: "admin", body: { is_protected: false }, chunked: true });
p("snap.unprotect.not-json", "PUT", "/api/block/image/{rbd}/snap/s1", { user: "admin", body: "{not json" });
p("snap.unprotect.with-clone", "PUT", "/api/block/image/{rbd}/snap/s1", { user: "admin", body: { is_protected: false } });
p("snap.unprotect.missing-snap", "PUT", "/api/block/image/{rbd}/snap/nope", { user: "admin", body: { is_protected: false } });
p("snap.unprotect.missing-image", "PUT", "/api/block/image/{rbd_missing}/snap/s1", { user: "admin", body: { is_protected: false } });
p("image.flatten.anon", "POST", "/api/block/image/{rbd_clone}/flatten");
p("image.flatten.missing", "POST", "/api/block/image/{rbd_missing}/flatten", { user: "admin" });
p("image.flatten", "POST", "/api/block/image/{rbd_clone}/flatten", { user: "admin" });
p("image.flatten.not-a-clone", "POST", "/api/block/image/{rbd_clone}/flatten", { user: "admin" });
p("snap.unprotect", "PUT", "/api/block/image/{rbd}/snap/s1", { user: "admin", body: { is_protected: false } });
p("snap.delete.anon", "DELETE", "/api/block/image/{rbd}/snap/s1");
p("snap.delete.missing", "DELETE", "/api/block/image/{rbd}/snap/nope", { user: "admin" });
p("snap.delete", "DELETE", "/api/block/image/{rbd}/snap/s1", { user: "admin" });
p("image.delete.anon", "DELETE", "/api/block/image/{rbd_clone}");
p("image.delete.missing", "DELETE", "/api/block/image/{rbd_missing}", { user: "admin" });
p("image.delete", "DELETE", "/api/block/image/{rbd_clone}", { user: "admin" });
p("unknown.path", "GET", "/api/no-such-thing", { user: "admin" });

export const ceph = list;
