/** Cinder v3: paths with and without project id, microversions, faults, types, per-type quotas, snapshots. */
import { beforeAll, describe, expect, it } from "vitest";
import { simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephLogin, cinder, pollUntil } from "../../test/storage-helpers";

describe.skipIf(target.name !== "sim")("cinder (sim only: uses /_sim/reset and seeded volumes)", () => {
  let demo: OsSession, admin: OsSession;
  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    [demo, admin] = await Promise.all([login("demo"), login("admin")]);
  });

  it("serves /v3/{project_id}/... and /v3/..., echoes the microversion, 406 beyond 3.70", async () => {
    const a = await cinder(demo, `/${demo.projectId}/volumes`, "3.50");
    expect(a.status).toBe(200);
    expect(a.headers.get("openstack-api-version")).toBe("volume 3.50");
    const b = await (await cinder(demo, "/volumes")).json();
    expect(b.volumes.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(["centos-data", "db-data", "db-data-restore"]));
    const bad = await cinder(demo, "/volumes", "3.71");
    expect(bad.status).toBe(406);
    expect(await bad.json()).toEqual({ computeFault: { code: 406, message: "Version 3.71 is not supported by the API. Minimum is 3.0 and maximum is 3.70." } });
    const nf = await cinder(demo, "/volumes/does-not-exist");
    expect(await nf.json()).toEqual({ itemNotFound: { code: 404, message: "Volume does-not-exist could not be found." } });
    const count = await (await cinder(demo, "/volumes?with_count=true", "3.45")).json();
    expect(count.count).toBe(count.volumes.length);
  });

  it("volume types include __DEFAULT__ and ceph-ssd; per-type quota keys with usage", async () => {
    const types = (await (await cinder(demo, "/types")).json()).volume_types.map((t: { name: string }) => t.name);
    expect(types).toEqual(expect.arrayContaining(["__DEFAULT__", "ceph-ssd", "ceph-hdd"]));
    const q = (await (await cinder(demo, `/os-quota-sets/${demo.projectId}?usage=true`)).json()).quota_set;
    expect(q.id).toBe(demo.projectId);
    expect(q.volumes).toEqual({ limit: expect.any(Number), in_use: expect.any(Number), reserved: 0 });
    expect(q["volumes_ceph-ssd"].in_use).toBeGreaterThanOrEqual(1);
    expect(q["gigabytes_ceph-hdd"].in_use).toBeGreaterThanOrEqual(100);
    expect(q).toHaveProperty("gigabytes___DEFAULT__");
    const plain = (await (await cinder(demo, `/os-quota-sets/${demo.projectId}`)).json()).quota_set;
    expect(typeof plain.volumes).toBe("number");
    expect((await cinder(demo, `/os-quota-sets/${admin.projectId}`)).status).toBe(403);
  });

  it("snapshot → volume is an RBD clone of volumes/volume-<src>@snapshot-<id>; a volume with snapshots cannot be deleted", async () => {
    const src = (await (await cinder(demo, "/volumes", "3.0", { method: "POST", json: { volume: { size: 2, name: "src" } } })).json()).volume;
    await pollUntil(async () => (await (await cinder(demo, `/volumes/${src.id}`)).json()).volume.status, (s) => s === "available");
    const snap = (await (await cinder(demo, "/snapshots", "3.0", { method: "POST", json: { snapshot: { volume_id: src.id, name: "s1" } } })).json()).snapshot;
    expect(snap.status).toBe("creating");
    await pollUntil(async () => (await (await cinder(demo, `/snapshots/${snap.id}`)).json()).snapshot.status, (s) => s === "available");
    const res = await cinder(demo, "/volumes", "3.0", { method: "POST", json: { volume: { snapshot_id: snap.id, name: "from-snap" } } });
    const vol = (await res.json()).volume;
    expect(vol).toMatchObject({ size: 2, snapshot_id: snap.id });
    const ceph = await cephLogin(admin);
    const rbd = await (await ceph(`/api/block/image/volumes%2Fvolume-${vol.id}`)).json();
    expect(rbd.parent).toMatchObject({ pool_name: "volumes", image_name: `volume-${src.id}`, snap_name: `snapshot-${snap.id}` });
    const del = await cinder(demo, `/volumes/${src.id}`, "3.0", { method: "DELETE" });
    expect(del.status).toBe(400);
    expect((await del.json()).badRequest.message).toMatch(/^Invalid volume: Volume status must be available or error/);
    // Deleting the snapshot flattens its clone first (cinder's RBD driver), then the source goes.
    expect((await cinder(demo, `/snapshots/${snap.id}`, "3.0", { method: "DELETE" })).status).toBe(202);
    expect((await (await ceph(`/api/block/image/volumes%2Fvolume-${vol.id}`)).json()).parent).toBeNull();
    expect((await cinder(demo, `/volumes/${src.id}`, "3.0", { method: "DELETE" })).status).toBe(202);
    expect((await cinder(demo, `/volumes/${src.id}`)).status).toBe(404);
  });

  it("rejects an image that does not fit the volume", async () => {
    const imgs = (await (await demo.call("image", "/v2/images?name=centos-7-raw")).json()).images;
    const res = await cinder(demo, "/volumes", "3.0", { method: "POST", json: { volume: { size: 4, imageRef: imgs[0].id } } });
    expect(res.status).toBe(400);
    expect((await res.json()).badRequest.message).toBe("Invalid input received: Size of specified image 8GB is larger than volume size 4GB.");
  });
});
