/** Ceph Dashboard RBD API: versioning (415), pagination, parent/children, and the RBD error cases. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephLogin, nova } from "../../test/storage-helpers";
import { stableUuid } from "../../scenarios/network";

const CENTOS = stableUuid("image", "centos-7-raw");
const OLD = stableUuid("server", "old-web-3");
const TMP = stableUuid("server", "tmp-build-7");

describe.skipIf(target.name !== "sim")("ceph dashboard RBD API (sim only: uses /_sim/reset and the seeded leftovers)", () => {
  let admin: OsSession, ceph: Awaited<ReturnType<typeof cephLogin>>;
  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    admin = await login("admin");
    ceph = await cephLogin(admin);
  });
  // These tests remove the seeded leftovers; later files (Lineage) expect them.
  afterAll(async () => { await simControl("/reset", { scenario: "default" }); });

  it("needs a token, and the v2.0 media type on the list (415 with the real message for v1.0)", async () => {
    const base = admin.endpoint("ceph-dashboard");
    expect((await fetch(`${base}/api/block/image`, { headers: { Accept: "application/vnd.ceph.api.v2.0+json" } })).status).toBe(401);
    const bad = await fetch(`${base}/api/auth`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "admin", password: "nope" }) });
    expect(bad.status).toBe(400);
    const v1 = await ceph("/api/block/image");
    expect(v1.status).toBe(415);
    expect(await v1.json()).toEqual({ status: "415 Unsupported Media Type", detail: "Incorrect version: endpoint is '2.0', client requested '1.0'" });
    const v2 = await ceph("/api/block/image", { version: "2.0" });
    expect(v2.status).toBe(200);
    expect(v2.headers.get("content-type")).toBe("application/vnd.ceph.api.v2.0+json");
  });

  it("paginates with offset/limit (default 5, -1 for all) and X-Total-Count; filters by pool", async () => {
    const all = await ceph("/api/block/image?limit=-1", { version: "2.0" });
    const total = Number(all.headers.get("x-total-count"));
    const count = (body: { value: unknown[] }[]) => body.reduce((n, p) => n + p.value.length, 0);
    expect(count(await all.json())).toBe(total);
    const first = await ceph("/api/block/image", { version: "2.0" });
    expect(first.headers.get("x-total-count")).toBe(String(total));
    expect(count(await first.json())).toBe(5);
    const vms = await (await ceph("/api/block/image?pool_name=vms&limit=-1", { version: "2.0" })).json();
    expect(vms.map((p: { pool_name: string }) => p.pool_name)).toEqual(["vms"]);
    const page = await (await ceph(`/api/block/image?offset=${total - 2}&limit=10`, { version: "2.0" })).json();
    expect(count(page)).toBe(2);
  });

  it("each image has its parent and each snapshot its children (the image → clones tree)", async () => {
    const img = await (await ceph(`/api/block/image/images%2F${CENTOS}`)).json();
    expect(img.parent).toBeNull();
    const kids = img.snapshots[0].children as { pool_name: string; image_name: string }[];
    expect(img.snapshots[0]).toMatchObject({ name: "snap", is_protected: true });
    expect(kids).toEqual(expect.arrayContaining([
      { pool_name: "vms", image_name: `${stableUuid("server", "web-1")}_disk` },
      { pool_name: "vms", image_name: `${OLD}_disk` },
      { pool_name: "volumes", image_name: expect.stringMatching(/^volume-/) },
    ]));
    const leftover = await (await ceph(`/api/block/image/vms%2F${OLD}_disk`)).json();
    expect(leftover.parent).toEqual({ pool_name: "images", pool_namespace: "", image_name: CENTOS, snap_name: "snap" });
    expect(leftover.snapshots[0].children).toEqual([{ pool_name: "images", image_name: stableUuid("image", "old-web-3-snapshot") }]);
    expect(leftover.total_disk_usage).toBeGreaterThan(0);
    expect(leftover.total_disk_usage).toBeLessThan(leftover.size);
  });

  it("deleting a parent with clones fails with errno 16 (the dashboard unprotects first)", async () => {
    const res = await ceph(`/api/block/image/images%2F${CENTOS}`, { method: "DELETE" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      detail: `[errno 16] RBD image is busy (error unprotecting snapshot b'${CENTOS}'@b'snap')`, code: "16", component: "rbd",
      status: 400, task: { name: "rbd/delete", metadata: { image_spec: `images/${CENTOS}` } },
    });
    const unprotect = await ceph(`/api/block/image/images%2F${CENTOS}/snap/snap`, { method: "PUT", json: { is_protected: false } });
    expect(unprotect.status).toBe(400);
    expect((await unprotect.json()).code).toBe("16");
    expect((await (await ceph(`/api/block/image/images%2F${CENTOS}`)).json()).snapshots[0].is_protected).toBe(true);
  });

  it("flatten of a non-clone is EINVAL; flattening the leftover chain frees the parent", async () => {
    const bad = await ceph(`/api/block/image/images%2F${CENTOS}/flatten`, { method: "POST" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ detail: `[errno 22] RBD invalid argument (error flattening b'${CENTOS}')`, code: "22", component: "rbd" });
    // The operators' remedy for old-web-3: flatten the snapshot image cloned from its disk, then remove the disk.
    const snapImg = stableUuid("image", "old-web-3-snapshot");
    expect((await ceph(`/api/block/image/images%2F${snapImg}/flatten`, { method: "POST" })).status).toBe(200);
    expect((await (await ceph(`/api/block/image/images%2F${snapImg}`)).json()).parent).toBeNull();
    expect((await ceph(`/api/block/image/vms%2F${OLD}_disk`, { method: "DELETE" })).status).toBe(204);
    const centos = await (await ceph(`/api/block/image/images%2F${CENTOS}`)).json();
    expect(centos.snapshots[0].children).not.toContainEqual({ pool_name: "vms", image_name: `${OLD}_disk` });
  });

  it("a leftover disk whose snapshot has no children is removed outright; a missing image is 404 errno 2", async () => {
    expect((await ceph(`/api/block/image/vms%2F${TMP}_disk`, { method: "DELETE" })).status).toBe(204);
    const gone = await ceph(`/api/block/image/vms%2F${TMP}_disk`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ detail: `[errno 2] RBD image not found (error opening image b'${TMP}_disk' at snapshot None)`, code: "2", component: "rbd" });
  });

  it("deleting an instance whose disk has a snapshot leaves vms/<id>_disk behind (operator notes)", async () => {
    const net = (await (await admin.call("network", "/v2.0/networks?name=cs1-yw-1")).json()).networks[0].id;
    const res = await nova(admin, "/servers", "2.37", { method: "POST", json: { server: { name: "to-delete", flavorRef: "2", imageRef: CENTOS, networks: [{ uuid: net }] } } });
    const id = (await res.json()).server.id;
    expect((await ceph(`/api/block/image/vms%2F${id}_disk/snap`, { method: "POST", json: { snapshot_name: "before-upgrade" } })).status).toBe(201);
    const other = (await (await nova(admin, "/servers", "2.37", { method: "POST", json: { server: { name: "plain", flavorRef: "2", imageRef: CENTOS, networks: "none" } } })).json()).server.id;
    expect((await nova(admin, `/servers/${id}`, "2.1", { method: "DELETE" })).status).toBe(204);
    expect((await nova(admin, `/servers/${other}`, "2.1", { method: "DELETE" })).status).toBe(204);
    // As real Nova does, the delete ends a moment later (deleting, DELETED, then 404).
    for (let i = 0; i < 100 && (await nova(admin, `/servers/${id}`)).status !== 404; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await nova(admin, `/servers/${id}`)).status).toBe(404);
    const left = await ceph(`/api/block/image/vms%2F${id}_disk`);
    expect(left.status).toBe(200);
    expect((await left.json()).snapshots[0].name).toBe("before-upgrade");
    expect((await ceph(`/api/block/image/vms%2F${other}_disk`)).status).toBe(404);
  });
});
