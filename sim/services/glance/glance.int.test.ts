/**
 * Glance v2 on the RBD store: upload, direct_url/locations, 403 protected, 409 in use (webob bodies), filters
 * and paging. Runs on both targets on images it uploads itself; the clone that makes an image "in use" is a
 * Cinder volume created from it (an RBD clone of images/<id>@snap on both targets). Everything is removed after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephLogin, cinder, glance, pollUntil } from "../../test/storage-helpers";
import { Cleanup, uniqueName } from "../../test/fixtures";
import { stableUuid } from "../../scenarios/network";

const inUse = (id: string) =>
  `Image ${id} could not be deleted because it is in use: The image cannot be deleted because it is in use through the backend store outside of Glance.`;
const MIB = 1024 * 1024;

describe("glance on the RBD store", () => {
  let admin: OsSession, demo: OsSession, ceph: Awaited<ReturnType<typeof cephLogin>>;
  const cleanup = new Cleanup();
  const P = uniqueName("img");
  /** Creates an image as `s` (removed afterwards, unprotected first) and optionally uploads `data`. */
  const newImage = async (s: OsSession, fields: Record<string, unknown>, data?: Uint8Array<ArrayBuffer>) => {
    const res = await glance(s, "/v2/images", { method: "POST", json: { container_format: "bare", ...fields } });
    expect(res.status).toBe(201);
    const img = await res.json();
    cleanup.add(`image ${img.name}`, async () => {
      await glance(s, `/v2/images/${img.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/openstack-images-v2.1-json-patch" },
        body: JSON.stringify([{ op: "replace", path: "/protected", value: false }]),
      });
      const del = await glance(s, `/v2/images/${img.id}`, { method: "DELETE" });
      if (del.status !== 204 && del.status !== 404) throw new Error(`DELETE image ${img.id}: ${del.status} ${await del.text()}`);
    });
    if (data)
      expect(
        (
          await glance(s, `/v2/images/${img.id}/file`, {
            method: "PUT",
            headers: { "Content-Type": "application/octet-stream" },
            body: data,
          })
        ).status,
      ).toBe(204);
    return img as { id: string; name: string; [k: string]: unknown };
  };
  let raw: { id: string };
  const data = new Uint8Array(5 * MIB).fill(7);

  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" }); // the seeded snapshots checked below are the default scenario's
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    ceph = await cephLogin(admin);
    raw = await newImage(demo, { name: `${P}-raw`, disk_format: "raw", hw_rng_model: "virtio" });
  });
  afterAll(() => cleanup.run());

  it("a new image is queued with no size; upload stores size, checksums, virtual_size and an rbd location", async () => {
    const queued = await (await glance(demo, `/v2/images/${raw.id}`)).json();
    expect(queued).toMatchObject({ status: "queued", size: null, hw_rng_model: "virtio", visibility: "shared" });
    expect(
      (
        await glance(demo, `/v2/images/${raw.id}/file`, {
          method: "PUT",
          headers: { "Content-Type": "application/octet-stream" },
          body: data,
        })
      ).status,
    ).toBe(204);
    const mine = await (await glance(demo, `/v2/images/${raw.id}`)).json();
    expect(mine).toMatchObject({ status: "active", size: data.length, virtual_size: data.length, os_hash_algo: "sha512" });
    expect(mine.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(mine.os_hash_value).toMatch(/^[0-9a-f]{128}$/);
    const seen = await (await glance(admin, `/v2/images/${raw.id}`)).json();
    expect(seen.direct_url).toMatch(new RegExp(`^rbd://[0-9a-f-]{36}/images/${raw.id}/snap$`));
    // Precondition stated: the sim models Glance with show_multiple_locations and the location policy limited to
    // admins; the real tier sets show_image_direct_url only, which shows direct_url to the owner as well.
    if (onSim) {
      expect(mine).not.toHaveProperty("direct_url");
      expect(seen.locations).toEqual([{ url: seen.direct_url, metadata: { store: "ceph" } }]);
    } else {
      expect(mine.direct_url).toBe(seen.direct_url);
    }
    const rbd = await (await ceph(`/api/block/image/images%2F${raw.id}`)).json();
    expect(rbd.snapshots).toEqual([expect.objectContaining({ name: "snap", is_protected: true, children: [] })]);
    expect(rbd.size).toBe(data.length);
    expect(rbd.num_objs).toBe(Math.ceil(data.length / rbd.obj_size));
    // Glance writes its images with rbd_store_chunk_size (8 MiB by default, the real tier's); the sim uses 4 MiB objects.
    expect(rbd.obj_size).toBe(onSim ? 4 * MIB : 8 * MIB);
  });

  it("deleting an image whose snapshot has a clone gives 409 with Glance's message, JSON, HTML or text as asked", async () => {
    const res = await cinder(demo, "/volumes", "3.0", {
      method: "POST",
      json: { volume: { size: 1, imageRef: raw.id, name: `${P}-clone` } },
    });
    expect(res.status).toBe(202);
    const vol = (await res.json()).volume;
    const dropVolume = async () => {
      await cinder(demo, `/volumes/${vol.id}`, "3.0", { method: "DELETE" });
      await pollUntil(
        async () => (await cinder(demo, `/volumes/${vol.id}`)).status,
        (st) => st === 404,
        120_000,
        250,
      );
    };
    cleanup.add(`volume ${P}-clone`, dropVolume);
    const { seen } = await pollUntil(
      async () => (await (await cinder(demo, `/volumes/${vol.id}`)).json()).volume.status,
      (st) => st === "available" || st === "error",
      120_000,
      200,
    );
    expect(seen).not.toContain("downloading"); // a raw image on the cluster's own images pool is cloned
    expect(seen[seen.length - 1]).toBe("available");
    const children = (await (await ceph(`/api/block/image/images%2F${raw.id}`)).json()).snapshots[0].children;
    expect(children).toEqual([{ pool_name: "volumes", image_name: `volume-${vol.id}` }]);

    const del = await glance(admin, `/v2/images/${raw.id}`, { method: "DELETE" });
    expect(del.status).toBe(409);
    expect(await del.json()).toEqual({ message: `${inUse(raw.id)}<br /><br />\n\n\n`, code: "409 Conflict", title: "Conflict" });
    const html = await fetch(`${admin.endpoint("image")}/v2/images/${raw.id}`, {
      method: "DELETE",
      headers: { "X-Auth-Token": admin.token, Accept: "*/*" },
    });
    expect(html.status).toBe(409);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("<h1>409 Conflict</h1>");
    const plain = await fetch(`${admin.endpoint("image")}/v2/images/${raw.id}`, {
      method: "DELETE",
      headers: { "X-Auth-Token": admin.token, Accept: "text/plain" },
    });
    expect(plain.status).toBe(409);
    expect(plain.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await plain.text()).toMatch(new RegExp(`^409 Conflict\\n\\n${inUse(raw.id).replace(/[.()]/g, "\\$&")}`));
    expect((await (await glance(admin, `/v2/images/${raw.id}`)).json()).status).toBe("active");
    await dropVolume();
  });

  it("without clones the delete goes through, the RBD image is gone too, and the image is a 404", async () => {
    expect((await (await ceph(`/api/block/image/images%2F${raw.id}`)).json()).snapshots[0].children).toEqual([]);
    expect((await glance(demo, `/v2/images/${raw.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await ceph(`/api/block/image/images%2F${raw.id}`)).status).toBe(404);
    const gone = await glance(demo, `/v2/images/${raw.id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).message).toBe(`No image found with ID ${raw.id}<br /><br />\n\n\n`);
  });

  it("qcow2 upload reads virtual_size from the header", async () => {
    const hdr = new Uint8Array(512);
    hdr.set([0x51, 0x46, 0x49, 0xfb]);
    new DataView(hdr.buffer).setUint32(4, 3); // qcow2 version 3
    new DataView(hdr.buffer).setBigUint64(24, 1073741824n);
    const img = await newImage(demo, { name: `${P}-q`, disk_format: "qcow2" }, hdr);
    expect(await (await glance(demo, `/v2/images/${img.id}`)).json()).toMatchObject({
      size: 512,
      virtual_size: 1073741824,
      disk_format: "qcow2",
    });
  });

  it("a protected image cannot be deleted (403)", async () => {
    const img = await newImage(demo, { name: `${P}-keep`, protected: true, disk_format: "raw" });
    const res = await glance(demo, `/v2/images/${img.id}`, { method: "DELETE" });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe(`Image ${img.id} is protected and cannot be deleted.<br /><br />\n\n\n`);
    expect((await glance(demo, `/v2/images/${img.id}`)).status).toBe(200);
  });

  it("instance-snapshot properties filter; lists page with limit/marker; a bad marker is a 400", async () => {
    const base = { disk_format: "raw", zt_run: P };
    const snap = { image_type: "snapshot", instance_uuid: "0c1e2d3f-4a5b-4c6d-8e7f-8091a2b3c4d5", base_image_ref: raw.id };
    await newImage(demo, { ...base, ...snap, name: `${P}-s1` });
    await newImage(demo, { ...base, ...snap, name: `${P}-s2` });
    await newImage(demo, { ...base, name: `${P}-plain` });
    const snaps = await (await glance(demo, `/v2/images?image_type=snapshot&zt_run=${P}`)).json();
    expect(snaps.images.map((i: { name: string }) => i.name).sort()).toEqual([`${P}-s1`, `${P}-s2`]);
    for (const i of snaps.images) expect(i).toMatchObject(snap);
    const page1 = await (await glance(demo, `/v2/images?zt_run=${P}&limit=2`)).json();
    expect(page1.images).toHaveLength(2);
    expect(page1.next).toMatch(new RegExp(`^/v2/images\\?.*marker=${page1.images[1].id}`));
    const page2 = await (await glance(demo, page1.next)).json();
    expect(page2.images).toHaveLength(1);
    expect(page2).not.toHaveProperty("next");
    const all = [...page1.images, ...page2.images].map((i: { name: string }) => i.name).sort();
    expect(all).toEqual([`${P}-plain`, `${P}-s1`, `${P}-s2`]);
    expect((await glance(admin, "/v2/images?marker=nope")).status).toBe(400);
    // Precondition stated: the sim's default scenario seeds two instance snapshots of centos-7-raw.
    if (onSim) {
      const seeded = await (await glance(demo, "/v2/images?image_type=snapshot")).json();
      const names = seeded.images
        .map((i: { name: string }) => i.name)
        .filter((n: string) => !n.startsWith("zt-"))
        .sort();
      expect(names).toEqual(["old-web-3-snapshot", "web-1-snapshot"]);
      for (const i of seeded.images.filter((x: { name: string }) => !x.name.startsWith("zt-"))) {
        expect(i).toMatchObject({
          image_type: "snapshot",
          base_image_ref: stableUuid("image", "centos-7-raw"),
          instance_uuid: expect.any(String),
        });
      }
    }
  });

  it("version document at the endpoint: 300 Multiple Choices, a CURRENT v2.x first", async () => {
    const res = await fetch(admin.endpoint("image"));
    expect(res.status).toBe(300);
    const first = (await res.json()).versions[0];
    expect(first).toMatchObject({ id: expect.stringMatching(/^v2\.\d+$/), status: "CURRENT" });
    // Precondition stated: the sim models Glance 2.16 (2023.1+); the real tier runs Zed's glance (v2.15).
    expect(first.id).toBe(onSim ? "v2.16" : "v2.15");
  });
});
