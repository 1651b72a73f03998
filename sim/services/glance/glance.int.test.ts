/** Glance v2 on the RBD store: upload, direct_url/locations for admins, 403 protected, 409 in use (webob bodies). */
import { beforeAll, describe, expect, it } from "vitest";
import { simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephLogin, glance } from "../../test/storage-helpers";
import { stableUuid } from "../../scenarios/network";

const CENTOS = stableUuid("image", "centos-7-raw");
const IN_USE = `Image ${CENTOS} could not be deleted because it is in use: The image cannot be deleted because it is in use through the backend store outside of Glance.`;

describe.skipIf(target.name !== "sim")("glance (sim only: uses /_sim/reset and the seeded clone chain)", () => {
  let admin: OsSession, demo: OsSession;
  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
  });

  it("deleting an image whose snapshot has clones gives 409 with Glance's message, JSON when asked", async () => {
    const res = await glance(admin, `/v2/images/${CENTOS}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ message: `${IN_USE}<br /><br />\n\n\n`, code: "409 Conflict", title: "Conflict" });
    const html = await fetch(`${admin.endpoint("image")}/v2/images/${CENTOS}`, { method: "DELETE", headers: { "X-Auth-Token": admin.token, Accept: "*/*" } });
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("<h1>409 Conflict</h1>");
    const plain = await fetch(`${admin.endpoint("image")}/v2/images/${CENTOS}`, { method: "DELETE", headers: { "X-Auth-Token": admin.token, Accept: "text/plain" } });
    expect(plain.status).toBe(409);
    expect(plain.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await plain.text()).toMatch(new RegExp(`^409 Conflict\\n\\n${IN_USE.replace(/[.()]/g, "\\$&")}`));
    expect((await glance(admin, `/v2/images/${CENTOS}`)).status).toBe(200);
  });

  it("upload stores size, checksums and virtual_size and an rbd location; admins see direct_url, members do not", async () => {
    const img = await (await glance(demo, "/v2/images", { method: "POST", json: { name: "tiny-raw", disk_format: "raw", container_format: "bare", hw_rng_model: "virtio" } })).json();
    expect(img).toMatchObject({ status: "queued", size: null, hw_rng_model: "virtio", visibility: "shared" });
    const data = new Uint8Array(5 * 1024 * 1024).fill(7);
    expect((await glance(demo, `/v2/images/${img.id}/file`, { method: "PUT", headers: { "Content-Type": "application/octet-stream" }, body: data })).status).toBe(204);
    const mine = await (await glance(demo, `/v2/images/${img.id}`)).json();
    expect(mine).toMatchObject({ status: "active", size: data.length, virtual_size: data.length, os_hash_algo: "sha512" });
    expect(mine.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(mine.os_hash_value).toMatch(/^[0-9a-f]{128}$/);
    expect(mine).not.toHaveProperty("direct_url");
    const seen = await (await glance(admin, `/v2/images/${img.id}`)).json();
    expect(seen.direct_url).toMatch(new RegExp(`^rbd://[0-9a-f-]{36}/images/${img.id}/snap$`));
    expect(seen.locations).toEqual([{ url: seen.direct_url, metadata: { store: "ceph" } }]);
    const ceph = await cephLogin(admin);
    const rbd = await (await ceph(`/api/block/image/images%2F${img.id}`)).json();
    expect(rbd.snapshots).toEqual([expect.objectContaining({ name: "snap", is_protected: true, children: [] })]);
    expect(rbd.num_objs).toBe(2);
    // Without clones the delete goes through and the RBD image is gone too.
    expect((await glance(demo, `/v2/images/${img.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await ceph(`/api/block/image/images%2F${img.id}`)).status).toBe(404);
    const gone = await glance(demo, `/v2/images/${img.id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).message).toBe(`No image found with ID ${img.id}<br /><br />\n\n\n`);
  });

  it("qcow2 upload reads virtual_size from the header", async () => {
    const img = await (await glance(demo, "/v2/images", { method: "POST", json: { name: "q", disk_format: "qcow2", container_format: "bare" } })).json();
    const hdr = new Uint8Array(512);
    hdr.set([0x51, 0x46, 0x49, 0xfb]);
    new DataView(hdr.buffer).setBigUint64(24, 1073741824n);
    await glance(demo, `/v2/images/${img.id}/file`, { method: "PUT", headers: { "Content-Type": "application/octet-stream" }, body: hdr });
    expect(await (await glance(demo, `/v2/images/${img.id}`)).json()).toMatchObject({ size: 512, virtual_size: 1073741824, disk_format: "qcow2" });
  });

  it("a protected image cannot be deleted (403)", async () => {
    const img = await (await glance(demo, "/v2/images", { method: "POST", json: { name: "keep-me", protected: true, disk_format: "raw", container_format: "bare" } })).json();
    const res = await glance(demo, `/v2/images/${img.id}`, { method: "DELETE" });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe(`Image ${img.id} is protected and cannot be deleted.<br /><br />\n\n\n`);
  });

  it("instance snapshots carry image_type, instance_uuid and base_image_ref; lists filter and page", async () => {
    const snaps = await (await glance(demo, "/v2/images?image_type=snapshot")).json();
    expect(snaps.images.map((i: { name: string }) => i.name).sort()).toEqual(["old-web-3-snapshot", "web-1-snapshot"]);
    for (const i of snaps.images) expect(i).toMatchObject({ image_type: "snapshot", base_image_ref: CENTOS, instance_uuid: expect.any(String) });
    const page1 = await (await glance(admin, "/v2/images?limit=2")).json();
    expect(page1.images).toHaveLength(2);
    expect(page1.next).toMatch(/^\/v2\/images\?limit=2&marker=/);
    const page2 = await (await glance(admin, page1.next.replace(/^\/v2/, "/v2"))).json();
    expect(page2.images[0].id).not.toBe(page1.images[1].id);
    expect((await glance(admin, "/v2/images?marker=nope")).status).toBe(400);
  });

  it("version document at /image", async () => {
    const res = await fetch(admin.endpoint("image"));
    expect(res.status).toBe(300);
    expect((await res.json()).versions[0]).toMatchObject({ id: "v2.16", status: "CURRENT" });
  });
});
