/**
 * Image self-service through the BFF on both targets: create + streamed upload (through the proxy), detail, edit,
 * delete refused while a clone reads from the image (lineage's rule), web-download refused by Glance's URI filter,
 * and Convert to raw where the Glance converts (the sim's; the real tier's Glance runs no image_conversion plugin).
 * Every image and volume is made here and removed afterwards.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nanoid } from "nanoid";
import { onReal, target } from "../../../tests/target";
import { login, type OsSession } from "../../../sim/test/os-session";
import { cinder, pollUntil } from "../../../sim/test/storage-helpers";
import { ImageDetailSchema } from "../../features/images/schema";
import { createAgent } from "../../test/test-app";

const MiB = 1048576;

/** A real 16 MiB qcow2 (qemu-img), a few hundred KiB on disk. */
function qcow2(): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), "zenith-qcow2-"));
  try {
    execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", join(dir, "x.qcow2"), "16M"]);
    return new Uint8Array(readFileSync(join(dir, "x.qcow2")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe(`images: self-service (${target.name})`, () => {
  const a = createAgent();
  let os: OsSession;
  const made: string[] = [];
  const volumes: string[] = [];

  const upload = async (name: string, diskFormat: string, data: Uint8Array<ArrayBuffer>) => {
    const created = await a.post("/api/images", { name, diskFormat });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    made.push(created.body.id);
    // The agent sends JSON only: the bytes go through the app as they are, to the proxy's streamed upload.
    const res = await a.app.request(`http://127.0.0.1:3000/api/openstack/image/images/${created.body.id}/file`, {
      method: "PUT",
      headers: { cookie: a.cookie(), "x-zenith-request": "1", "content-type": "application/octet-stream" },
      body: data,
    });
    expect(res.status, await res.clone().text()).toBe(204);
    return created.body.id as string;
  };
  const detail = async (id: string) => {
    const res = await a.get(`/api/images/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(ImageDetailSchema.safeParse(res.body).success).toBe(true);
    return res.body;
  };

  beforeAll(async () => {
    await a.login("demo");
    os = await login("demo");
  });

  afterAll(async () => {
    for (const id of volumes) {
      await (await cinder(os, `/volumes/${id}`, "3.0", { method: "DELETE" })).text();
      await pollUntil(
        async () => (await cinder(os, `/volumes/${id}`)).status,
        (s) => s === 404,
        60_000,
        250,
      ).catch(() => undefined);
    }
    for (const id of made) {
      await a.request("PATCH", `/api/images/${id}`, { json: { protected: false } });
      await (await os.call("image", `/v2/images/${id}`, { method: "DELETE" })).text();
    }
  });

  it("says which import methods Glance enables, and whether Convert to raw is offered or what the operator must enable", async () => {
    const res = await a.get("/api/images/import-info");
    expect(res.status).toBe(200);
    expect(res.body.methods).toEqual(expect.arrayContaining(["glance-direct", "web-download"]));
    expect(res.body.webDownload).toBe(true);
    if (onReal) expect(res.body.convert).toEqual({ available: false, outputFormat: null, reason: "conversion_not_declared" });
    else expect(res.body.convert).toEqual({ available: true, outputFormat: "raw", reason: null });
  });

  it("uploads a qcow2 through the streamed proxy; the detail shows size against virtual size and the copy verdict", async () => {
    const data = qcow2();
    const id = await upload(`zenith-it-up-${nanoid(5)}`, "qcow2", data);
    const d = await detail(id);
    expect(d).toMatchObject({
      status: "active",
      diskFormat: "qcow2",
      sizeBytes: data.length,
      virtualSizeBytes: 16 * MiB,
      copiedNotCloned: true,
      cloneVerdict: "copy",
      ownedByProject: true,
      clones: { count: 0 },
    });
  });

  it("edits name, visibility, protection and properties; a protected image refuses deletion with the reason", async () => {
    const id = await upload(`zenith-it-edit-${nanoid(5)}`, "raw", new Uint8Array(MiB).fill(3));
    const name = `zenith-it-edited-${nanoid(5)}`;
    const res = await a.request("PATCH", `/api/images/${id}`, {
      json: { name, visibility: "shared", protected: true, minDiskGiB: 1, setProperties: { os_distro: "cirros", hw_disk_bus: "scsi" } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name,
      visibility: "shared",
      protected: true,
      minDiskGiB: 1,
      properties: { os_distro: "cirros", hw_disk_bus: "scsi" },
    });
    const removed = await a.request("PATCH", `/api/images/${id}`, { json: { removeProperties: ["hw_disk_bus"] } });
    expect(removed.body.properties).not.toHaveProperty("hw_disk_bus");
    const del = await a.request("DELETE", `/api/images/${id}`);
    expect(del.status).toBe(409);
    expect(del.body).toMatchObject({ code: "image_protected" });
    const bad = await a.request("PATCH", `/api/images/${id}`, { json: { setProperties: { os_glance_import_task: "x" } } });
    expect(bad.status).toBe(400);
    const csrf = await a.request("PATCH", `/api/images/${id}`, { json: { protected: false }, csrf: false });
    expect(csrf.status).toBe(403);
    expect((await a.request("PATCH", `/api/images/${id}`, { json: { protected: false } })).status).toBe(200);
    expect((await a.request("DELETE", `/api/images/${id}`)).status).toBe(200);
    made.splice(made.indexOf(id), 1);
    expect((await a.get(`/api/images/${id}`)).status).toBe(404);
  });

  it("refuses to delete an image a volume was cloned from: 'N clones read from it', then deletes it once the volume is gone", async () => {
    const id = await upload(`zenith-it-parent-${nanoid(5)}`, "raw", new Uint8Array(MiB).fill(5));
    const vol = await cinder(os, "/volumes", "3.0", {
      method: "POST",
      json: { volume: { size: 1, imageRef: id, name: `zenith-it-clone-${nanoid(5)}` } },
    });
    expect(vol.status).toBe(202);
    const volId = (await vol.json()).volume.id as string;
    volumes.push(volId);
    await pollUntil(
      async () => (await (await cinder(os, `/volumes/${volId}`)).json()).volume.status,
      (s) => s === "available" || s === "error",
      60_000,
      250,
    );
    expect((await detail(id)).clones).toEqual({ count: 1 });
    const refused = await a.request("DELETE", `/api/images/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "image_in_use", details: { clones: 1, examples: [`volumes/volume-${volId}`] } });
    await (await cinder(os, `/volumes/${volId}`, "3.0", { method: "DELETE" })).text();
    await pollUntil(
      async () => (await cinder(os, `/volumes/${volId}`)).status,
      (s) => s === 404,
      60_000,
      250,
    );
    volumes.splice(volumes.indexOf(volId), 1);
    expect((await a.request("DELETE", `/api/images/${id}`)).status).toBe(200);
    made.splice(made.indexOf(id), 1);
  });

  it("passes Glance's refusal of a web-download URI through, naming Glance, and removes the record it made", async () => {
    const name = `zenith-it-wd-${nanoid(5)}`;
    const res = await a.post("/api/images/web-download", { name, diskFormat: "raw", uri: "http://127.0.0.1:1/x.img" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "upstream_bad_request", service: "image" });
    expect(res.body.message).toContain("does not pass filtering");
    const left = await a.get(`/api/images?search=${name}`);
    expect(left.body.items).toEqual([]);
    const invalid = await a.post("/api/images/web-download", { name, diskFormat: "raw", uri: "ftp://x/y" });
    expect(invalid).toMatchObject({ status: 400, body: { code: "bad_request" } });
  });

  it.skipIf(onReal)(
    "makes a raw copy of a qcow2 image with one call: a glance-direct import through image_conversion (not applicable on the real target: its Glance enables no image_conversion plugin)",
    async () => {
      const id = await upload(`zenith-it-conv-${nanoid(5)}`, "qcow2", qcow2());
      await a.request("PATCH", `/api/images/${id}`, { json: { setProperties: { os_distro: "cirros" } } });
      const res = await a.post(`/api/images/${id}/convert`);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      made.push(res.body.id);
      const { last } = await pollUntil(
        () => detail(res.body.id),
        (d) => d.status === "active" || d.status === "queued",
        30_000,
        200,
      );
      expect(last).toMatchObject({
        status: "active",
        diskFormat: "raw",
        containerFormat: "bare",
        sizeBytes: 16 * MiB,
        virtualSizeBytes: 16 * MiB,
        copiedNotCloned: false,
        cloneVerdict: "clone",
        properties: { os_distro: "cirros", zenith_converted_from: id },
        importStatus: { importing: false, failedStores: null, lastTask: { status: "success" } },
      });
      const again = await a.post(`/api/images/${res.body.id}/convert`);
      expect(again).toMatchObject({ status: 409, body: { code: "conversion_refused" } });
    },
  );

  it.skipIf(!onReal)(
    "refuses Convert to raw and names what the operator must enable (the real tier's Glance has no image_conversion)",
    async () => {
      const res = await a.post(`/api/images/${target.real!.images.qcow2}/convert`);
      expect(res).toMatchObject({ status: 409, body: { code: "conversion_unavailable", details: { reason: "conversion_not_declared" } } });
    },
  );
});
