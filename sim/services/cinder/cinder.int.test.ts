/**
 * Cinder v3 on both targets: paths with and without project id, microversions, faults, types, per-type quotas,
 * snapshots. The volumes, snapshots and image are the test's own ("zt-a-…"), removed again; the version range and
 * the default type are read from Cinder.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephLogin, cinder, glance, pollUntil } from "../../test/storage-helpers";

const tag = `zt-a-${randomBytes(3).toString("hex")}`;

describe(`cinder on the ${target.name} target`, () => {
  let demo: OsSession, admin: OsSession;
  /** The API root without the project id (the real tier's catalog URL ends in /v3/<project_id>, the sim's in /v3). */
  let root: string;
  const volumes: string[] = [];
  const status = async (id: string) => (await (await cinder(demo, `/volumes/${id}`)).json()).volume?.status;
  const create = async (volume: Record<string, unknown>) => {
    const res = await cinder(demo, "/volumes", "3.0", { method: "POST", json: { volume: { name: `${tag}-v`, ...volume } } });
    expect(res.status, await res.clone().text()).toBe(202);
    const v = (await res.json()).volume;
    volumes.push(v.id);
    return v;
  };
  beforeAll(async () => {
    [demo, admin] = await Promise.all([login("demo"), login("admin")]);
    root = demo.endpoint("volumev3").replace(new RegExp(`/${demo.projectId}$`), "");
  });
  afterAll(async () => {
    // Newest volume first (clones before their sources), each after its own snapshots (a volume with snapshots stays).
    const snaps: { id: string; name: string; volume_id: string }[] = (await (await cinder(demo, "/snapshots")).json()).snapshots;
    const gone = (path: string) =>
      pollUntil(
        async () => (await cinder(demo, path)).status,
        (st) => st === 404,
        120_000,
        250,
      ).catch(() => undefined);
    for (const id of volumes.reverse()) {
      for (const s of snaps.filter((x) => x.volume_id === id)) {
        await cinder(demo, `/snapshots/${s.id}`, "3.0", { method: "DELETE" });
        await gone(`/snapshots/${s.id}`);
      }
      await cinder(demo, `/volumes/${id}`, "3.0", { method: "DELETE" });
      await gone(`/volumes/${id}`);
    }
  });

  it("serves /v3/{project_id}/... and /v3/..., echoes the microversion, 406 beyond the advertised maximum", async () => {
    const h = { "X-Auth-Token": demo.token, Accept: "application/json" };
    const versions = (await (await fetch(`${root}/`, { headers: h })).json()).versions;
    const v3 = versions.find((v: { id: string }) => v.id === "v3.0");
    const [, minor] = String(v3.version).split(".").map(Number);
    const a = await fetch(`${root}/${demo.projectId}/volumes`, { headers: { ...h, "OpenStack-API-Version": "volume 3.50" } });
    expect(a.status).toBe(200);
    expect(a.headers.get("openstack-api-version")).toBe("volume 3.50");
    const b = await fetch(`${root}/volumes`, { headers: { ...h, "OpenStack-API-Version": "volume 3.50" } });
    expect(b.status).toBe(200);
    expect((await b.json()).volumes.map((v: { id: string }) => v.id).sort()).toEqual(
      (await a.json()).volumes.map((v: { id: string }) => v.id).sort(),
    );
    const beyond = `3.${minor + 1}`;
    const bad = await cinder(demo, "/volumes", beyond);
    expect(bad.status).toBe(406);
    expect(await bad.json()).toEqual({
      computeFault: {
        code: 406,
        message: `Version ${beyond} is not supported by the API. Minimum is ${v3.min_version} and maximum is ${v3.version}.`,
      },
    });
    const nf = await cinder(demo, "/volumes/does-not-exist");
    expect(await nf.json()).toEqual({ itemNotFound: { code: 404, message: "Volume does-not-exist could not be found." } });
    const count = await (await cinder(demo, "/volumes?with_count=true", "3.45")).json();
    expect(count.count).toBe(count.volumes.length);
  });

  it("volume types include __DEFAULT__; per-type quota keys with usage; a member reads no other project's quota", async () => {
    const types: string[] = (await (await cinder(demo, "/types")).json()).volume_types.map((t: { name: string }) => t.name);
    expect(types).toContain("__DEFAULT__");
    const def: string = (await (await cinder(demo, "/types/default", "3.62")).json()).volume_type.name;
    expect(types).toContain(def);
    const v = await create({ size: 1 });
    await pollUntil(
      () => status(v.id),
      (s) => s === "available",
      120_000,
      250,
    );
    const q = (await (await cinder(demo, `/os-quota-sets/${demo.projectId}?usage=true`)).json()).quota_set;
    expect(q.id).toBe(demo.projectId);
    expect(q.volumes).toEqual({ limit: expect.any(Number), in_use: expect.any(Number), reserved: expect.any(Number) });
    expect(q.volumes.in_use).toBeGreaterThanOrEqual(1);
    for (const t of types) for (const k of ["volumes", "gigabytes", "snapshots"]) expect(q).toHaveProperty(`${k}_${t}`);
    expect(q[`volumes_${def}`].in_use).toBeGreaterThanOrEqual(1);
    expect(q[`gigabytes_${def}`].in_use).toBeGreaterThanOrEqual(1);
    const plain = (await (await cinder(demo, `/os-quota-sets/${demo.projectId}`)).json()).quota_set;
    expect(typeof plain.volumes).toBe("number");
    expect((await cinder(demo, `/os-quota-sets/${admin.projectId}`)).status).toBe(403);
  });

  it("snapshot → volume is an RBD clone of volumes/volume-<src>@snapshot-<id>; a volume with snapshots cannot be deleted", async () => {
    const src = await create({ size: 1, name: `${tag}-src` });
    await pollUntil(
      () => status(src.id),
      (s) => s === "available",
      120_000,
      250,
    );
    const snap = (
      await (
        await cinder(demo, "/snapshots", "3.0", { method: "POST", json: { snapshot: { volume_id: src.id, name: `${tag}-s1` } } })
      ).json()
    ).snapshot;
    expect(snap.status).toBe("creating");
    await pollUntil(
      async () => (await (await cinder(demo, `/snapshots/${snap.id}`)).json()).snapshot.status,
      (s) => s === "available",
      120_000,
      250,
    );
    const vol = await create({ snapshot_id: snap.id, name: `${tag}-from-snap` });
    expect(vol).toMatchObject({ size: 1, snapshot_id: snap.id });
    await pollUntil(
      () => status(vol.id),
      (s) => s === "available",
      120_000,
      250,
    );
    const ceph = await cephLogin(admin);
    const rbd = await (await ceph(`/api/block/image/volumes%2Fvolume-${vol.id}?omit_usage=true`)).json();
    expect(rbd.parent).toMatchObject({ pool_name: "volumes", image_name: `volume-${src.id}`, snap_name: `snapshot-${snap.id}` });
    const del = await cinder(demo, `/volumes/${src.id}`, "3.0", { method: "DELETE" });
    expect(del.status).toBe(400);
    expect((await del.json()).badRequest.message).toMatch(/^Invalid volume: Volume status must be available or error/);
    // Cinder's RBD driver does not flatten: while the clone depends on it, the snapshot's delete fails
    // (SnapshotIsBusy) and the snapshot is available again. Once the clone is gone, snapshot and source go.
    expect((await cinder(demo, `/snapshots/${snap.id}`, "3.0", { method: "DELETE" })).status).toBe(202);
    await pollUntil(
      async () => (await (await cinder(demo, `/snapshots/${snap.id}`)).json()).snapshot.status,
      (s) => s === "available",
      120_000,
      250,
    );
    expect((await (await ceph(`/api/block/image/volumes%2Fvolume-${vol.id}?omit_usage=true`)).json()).parent).toMatchObject({
      snap_name: `snapshot-${snap.id}`,
    });
    expect((await cinder(demo, `/volumes/${vol.id}`, "3.0", { method: "DELETE" })).status).toBe(202);
    await pollUntil(
      async () => (await cinder(demo, `/volumes/${vol.id}`)).status,
      (s) => s === 404,
      120_000,
      250,
    );
    expect((await cinder(demo, `/snapshots/${snap.id}`, "3.0", { method: "DELETE" })).status).toBe(202);
    await pollUntil(
      async () => (await cinder(demo, `/snapshots/${snap.id}`)).status,
      (s) => s === 404,
      120_000,
      250,
    );
    expect((await cinder(demo, `/volumes/${src.id}`, "3.0", { method: "DELETE" })).status).toBe(202);
    await pollUntil(
      async () => (await cinder(demo, `/volumes/${src.id}`)).status,
      (s) => s === 404,
      120_000,
      250,
    );
  });

  it("rejects an image whose min_disk does not fit the volume", async () => {
    const made = await glance(demo, "/v2/images", {
      method: "POST",
      json: { name: `${tag}-min2`, disk_format: "raw", container_format: "bare", min_disk: 2, visibility: "private" },
    });
    const id: string = (await made.json()).id;
    try {
      expect(
        (
          await glance(demo, `/v2/images/${id}/file`, {
            method: "PUT",
            headers: { "Content-Type": "application/octet-stream" },
            body: new Uint8Array(1 << 20).fill(7),
          })
        ).status,
      ).toBe(204);
      await pollUntil(
        async () => (await (await glance(demo, `/v2/images/${id}`)).json()).status,
        (s) => s === "active",
        60_000,
        250,
      );
      const res = await cinder(demo, "/volumes", "3.0", {
        method: "POST",
        json: { volume: { size: 1, imageRef: id, name: `${tag}-nofit` } },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).badRequest.message).toBe(
        "Invalid input received: Volume size 1GB cannot be smaller than the image minDisk size 2GB.",
      );
    } finally {
      await glance(demo, `/v2/images/${id}`, { method: "DELETE" });
    }
  });
});
