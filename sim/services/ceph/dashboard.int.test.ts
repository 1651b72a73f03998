/**
 * Ceph Dashboard RBD API: versioning (415), pagination, parent/children, and the RBD error cases. Runs on both
 * targets on an RBD tree it builds itself through the dashboard (create, snapshot, protect, clone) in the vms and
 * volumes pools, uniquely named and removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephCredentials, cephLogin, nova, pollUntil } from "../../test/storage-helpers";
import { Cleanup, uniqueName } from "../../test/fixtures";
import { stableUuid } from "../../scenarios/network";

const MIB = 1024 * 1024;
type Ceph = Awaited<ReturnType<typeof cephLogin>>;

describe("ceph dashboard RBD API", () => {
  let admin: OsSession, ceph: Ceph;
  const cleanup = new Cleanup();
  const P = uniqueName("rbd");
  // parent@snap → vms/child, volumes/vol; child@snap2 → vms/grand (the leftover chain); lone@s has no clones.
  const N = {
    parent: `${P}-parent`,
    child: `${P}-child`,
    vol: `${P}-vol`,
    grand: `${P}-grand`,
    lone: `${P}-lone`,
    x1: `${P}-x1`,
    x2: `${P}-x2`,
  };
  const enc = (pool: string, name: string) => `${pool}%2F${name}`;
  const ok = async (res: Response, status: number, what: string) => {
    expect(res.status, `${what}: ${await res.clone().text()}`).toBe(status);
  };
  const create = async (pool: string, name: string) => {
    await ok(
      await ceph("/api/block/image", { method: "POST", json: { pool_name: pool, name, size: 8 * MIB } }),
      201,
      `create ${pool}/${name}`,
    );
    cleanup.add(`rbd ${pool}/${name}`, async () => {
      const res = await ceph(`/api/block/image/${enc(pool, name)}`, { method: "DELETE" });
      if (res.status !== 204 && res.status !== 404) throw new Error(`DELETE ${pool}/${name}: ${res.status} ${await res.text()}`);
    });
  };
  const snap = async (pool: string, name: string, s: string, protect: boolean) => {
    await ok(
      await ceph(`/api/block/image/${enc(pool, name)}/snap`, { method: "POST", json: { snapshot_name: s, mirrorImageSnapshot: false } }),
      201,
      `snap ${name}@${s}`,
    );
    if (protect)
      await ok(
        await ceph(`/api/block/image/${enc(pool, name)}/snap/${s}`, { method: "PUT", json: { is_protected: true } }),
        200,
        `protect ${name}@${s}`,
      );
  };
  const cloneOf = async (pool: string, name: string, s: string, childPool: string, child: string) => {
    cleanup.add(`rbd ${childPool}/${child}`, async () => {
      await ceph(`/api/block/image/${enc(childPool, child)}`, { method: "DELETE" });
    });
    await ok(
      await ceph(`/api/block/image/${enc(pool, name)}/snap/${s}/clone`, {
        method: "POST",
        json: { child_pool_name: childPool, child_image_name: child },
      }),
      200,
      `clone ${child}`,
    );
  };
  const info = async (pool: string, name: string) => (await ceph(`/api/block/image/${enc(pool, name)}`)).json();

  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" });
    admin = await login("admin");
    ceph = await cephLogin(admin);
    for (const n of [N.parent, N.lone, N.x1, N.x2]) await create("vms", n);
    await snap("vms", N.parent, "snap", true);
    await cloneOf("vms", N.parent, "snap", "vms", N.child);
    await cloneOf("vms", N.parent, "snap", "volumes", N.vol);
    await snap("vms", N.child, "snap2", true);
    await cloneOf("vms", N.child, "snap2", "vms", N.grand);
    await snap("vms", N.lone, "s", false);
  });
  // Later files (Lineage) expect the sim's seeded leftovers as they were.
  afterAll(async () => {
    await cleanup.run();
    if (onSim) await simControl("/reset", { scenario: "default" });
  });

  it("needs a token, and the v2.0 media type on the list (415 with the real message for v1.0)", async () => {
    const base = admin.endpoint("ceph-dashboard");
    expect((await fetch(`${base}/api/block/image`, { headers: { Accept: "application/vnd.ceph.api.v2.0+json" } })).status).toBe(401);
    const auth = (accept: string) =>
      fetch(`${base}/api/auth`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: accept },
        body: JSON.stringify({ username: cephCredentials().username, password: "nope" }),
      });
    const bad = await auth("application/vnd.ceph.api.v1.0+json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ detail: "Invalid credentials", code: "invalid_credentials", component: "auth" });
    const unversioned = await auth("application/json");
    expect(unversioned.status).toBe(415);
    expect(await unversioned.json()).toEqual({
      status: "415 Unsupported Media Type",
      detail: "Unable to find version in request header",
      request_id: expect.any(String),
    });
    const v1 = await ceph("/api/block/image");
    expect(v1.status).toBe(415);
    expect(await v1.json()).toEqual({
      status: "415 Unsupported Media Type",
      detail: "Incorrect version: endpoint is '2.0', client requested '1.0'",
      request_id: expect.any(String),
    });
    const v2 = await ceph("/api/block/image", { version: "2.0" });
    expect(v2.status).toBe(200);
    expect(v2.headers.get("content-type")).toBe("application/vnd.ceph.api.v2.0+json");
  });

  it("paginates with offset/limit (default 5, -1 for all) and X-Total-Count; filters by pool and name", async () => {
    const count = (body: { value: unknown[] }[]) => body.reduce((n, p) => n + p.value.length, 0);
    // mgr/dashboard caches the image list for a few seconds (ttl_cache); the sim lists at once. Wait for all seven.
    const total = async () => (await ceph(`/api/block/image?search=${P}&limit=-1`, { version: "2.0" })).headers.get("x-total-count");
    await pollUntil(total, (t) => t === "7", 60_000, 500);
    const all = await ceph(`/api/block/image?search=${P}&limit=-1`, { version: "2.0" });
    expect(all.headers.get("x-total-count")).toBe("7");
    const body = await all.json();
    expect(count(body)).toBe(7);
    expect(body.flatMap((p: { value: { name: string }[] }) => p.value.map((i) => i.name)).sort()).toEqual(Object.values(N).sort());
    const first = await ceph(`/api/block/image?search=${P}`, { version: "2.0" });
    expect(first.headers.get("x-total-count")).toBe("7");
    expect(count(await first.json())).toBe(5);
    const vms = await (await ceph(`/api/block/image?pool_name=vms&search=${P}&limit=-1`, { version: "2.0" })).json();
    expect(vms.map((p: { pool_name: string }) => p.pool_name)).toEqual(["vms"]);
    expect(count(vms)).toBe(6);
    const page = await (await ceph(`/api/block/image?search=${P}&offset=5&limit=10`, { version: "2.0" })).json();
    expect(count(page)).toBe(2);
  });

  it("limit=0 counts without reading any image (Lineage's count: an empty page stats no image, so no usage runs)", async () => {
    const none = await ceph(`/api/block/image?search=${P}&limit=0`, { version: "2.0" });
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual([]);
    expect(none.headers.get("x-total-count")).toBe("7");
    const vms = await ceph(`/api/block/image?pool_name=vms&search=${P}&limit=0`, { version: "2.0" });
    expect(await vms.json()).toEqual([]);
    expect(vms.headers.get("x-total-count")).toBe("6");
    // `search` also matches the pool's name (rbd_pool_list): every image of the pool, so at least our six.
    const byPool = await ceph(`/api/block/image?pool_name=vms&search=vms&limit=0`, { version: "2.0" });
    expect(Number(byPool.headers.get("x-total-count"))).toBeGreaterThanOrEqual(6);
  });

  it("each image has its parent and each snapshot its children (the image → clones tree)", async () => {
    const parent = await info("vms", N.parent);
    expect(parent.parent).toBeNull();
    expect(parent.snapshots[0]).toMatchObject({ name: "snap", is_protected: true });
    expect(parent.snapshots[0].children).toHaveLength(2);
    expect(parent.snapshots[0].children).toEqual(
      expect.arrayContaining([
        { pool_name: "vms", image_name: N.child },
        { pool_name: "volumes", image_name: N.vol },
      ]),
    );
    const child = await info("vms", N.child);
    expect(child.parent).toEqual({ pool_name: "vms", pool_namespace: "", image_name: N.parent, snap_name: "snap" });
    expect(child.snapshots[0].children).toEqual([{ pool_name: "vms", image_name: N.grand }]);
    expect(child.total_disk_usage).toBe(0); // a fresh clone is thin: nothing written, nothing copied up
    expect(child.size).toBe(8 * MIB);
    // Precondition stated: the sim's default scenario has a leftover disk (old-web-3) that was written to.
    if (onSim) {
      const leftover = await info("vms", `${stableUuid("server", "old-web-3")}_disk`);
      expect(leftover.total_disk_usage).toBeGreaterThan(0);
      expect(leftover.total_disk_usage).toBeLessThan(leftover.size);
    }
  });

  it("deleting a parent with clones fails with errno 16 (the dashboard unprotects first)", async () => {
    const res = await ceph(`/api/block/image/${enc("vms", N.parent)}`, { method: "DELETE" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      detail: `[errno 16] RBD image is busy (error unprotecting snapshot b'${N.parent}'@b'snap')`,
      code: "16",
      component: "rbd",
      status: 400,
      task: { name: "rbd/delete", metadata: { image_spec: `vms/${N.parent}` } },
    });
    const unprotect = await ceph(`/api/block/image/${enc("vms", N.parent)}/snap/snap`, { method: "PUT", json: { is_protected: false } });
    expect(unprotect.status).toBe(400);
    expect(await unprotect.json()).toMatchObject({
      code: "16",
      task: { name: "rbd/snap/edit", metadata: { image_spec: `vms/${N.parent}`, snapshot_name: "snap" } },
    });
    expect((await info("vms", N.parent)).snapshots[0].is_protected).toBe(true);
  });

  it("flatten of a non-clone is EINVAL; flattening the leftover chain frees the parent", async () => {
    const bad = await ceph(`/api/block/image/${enc("vms", N.parent)}/flatten`, { method: "POST", json: {} });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      detail: `[errno 22] RBD invalid argument (error flattening b'${N.parent}')`,
      code: "22",
      component: "rbd",
    });
    // The operators' remedy: flatten the image cloned from the leftover disk, then remove the disk.
    expect((await ceph(`/api/block/image/${enc("vms", N.grand)}/flatten`, { method: "POST", json: {} })).status).toBe(200);
    expect((await info("vms", N.grand)).parent).toBeNull();
    expect((await info("vms", N.child)).snapshots[0].children).toEqual([]);
    expect((await ceph(`/api/block/image/${enc("vms", N.child)}`, { method: "DELETE" })).status).toBe(204);
    expect((await info("vms", N.parent)).snapshots[0].children).toEqual([{ pool_name: "volumes", image_name: N.vol }]);
  });

  it("an image whose snapshot has no children is removed outright; a missing image is a 404", async () => {
    expect((await info("vms", N.lone)).snapshots).toEqual([expect.objectContaining({ name: "s", is_protected: false, children: [] })]);
    expect((await ceph(`/api/block/image/${enc("vms", N.lone)}`, { method: "DELETE" })).status).toBe(204);
    const gone = await ceph(`/api/block/image/${enc("vms", N.lone)}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ status: "404 Not Found", detail: "Image not found", request_id: expect.any(String) });
    const again = await ceph(`/api/block/image/${enc("vms", N.lone)}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({
      detail: "(404, 'Image not found')",
      code: 404,
      component: null,
      status: 404,
      task: { name: "rbd/delete", metadata: { image_spec: `vms/${N.lone}` } },
    });
  });

  // The real tier's nova-compute runs FakeDriver, which writes no root disk to vms: there is no <id>_disk to leave.
  it.skipIf(!onSim)(
    "deleting an instance whose disk has a snapshot leaves vms/<id>_disk behind (operator notes; real tier: FakeDriver writes no disk)",
    async () => {
      const centos = stableUuid("image", "centos-7-raw");
      const net = (await (await admin.call("network", "/v2.0/networks?name=cs1-yw-1")).json()).networks[0].id;
      const res = await nova(admin, "/servers", "2.37", {
        method: "POST",
        json: { server: { name: `${P}-to-delete`, flavorRef: "2", imageRef: centos, networks: [{ uuid: net }] } },
      });
      const id = (await res.json()).server.id;
      expect(
        (
          await ceph(`/api/block/image/vms%2F${id}_disk/snap`, {
            method: "POST",
            json: { snapshot_name: "before-upgrade", mirrorImageSnapshot: false },
          })
        ).status,
      ).toBe(201);
      const other = (
        await (
          await nova(admin, "/servers", "2.37", {
            method: "POST",
            json: { server: { name: `${P}-plain`, flavorRef: "2", imageRef: centos, networks: "none" } },
          })
        ).json()
      ).server.id;
      expect((await nova(admin, `/servers/${id}`, "2.1", { method: "DELETE" })).status).toBe(204);
      expect((await nova(admin, `/servers/${other}`, "2.1", { method: "DELETE" })).status).toBe(204);
      // As real Nova does, the delete ends a moment later (deleting, DELETED, then 404).
      for (let i = 0; i < 100 && (await nova(admin, `/servers/${id}`)).status !== 404; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await nova(admin, `/servers/${id}`)).status).toBe(404);
      const left = await ceph(`/api/block/image/vms%2F${id}_disk`);
      expect(left.status).toBe(200);
      expect((await left.json()).snapshots[0].name).toBe("before-upgrade");
      expect((await ceph(`/api/block/image/vms%2F${other}_disk`)).status).toBe(404);
    },
  );
});
