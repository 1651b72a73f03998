/**
 * Glance image data downloads and deactivation, on both targets: the bytes come back with Content-MD5 (the
 * checksum) and Content-Length, an image without data is a 204, a deactivated image is refused to its owner
 * (403) but not to an admin, a missing image is a 404. On images this file uploads itself, removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { login, type OsSession } from "../../test/os-session";
import { glance } from "../../test/storage-helpers";
import { Cleanup, uniqueName } from "../../test/fixtures";

describe("glance image data downloads", () => {
  let admin: OsSession, demo: OsSession;
  const cleanup = new Cleanup();
  const P = uniqueName("dl");
  const data = new TextEncoder().encode(`zenith download ${P}`);
  let withData = "",
    queued = "";
  const create = async (name: string) => {
    const res = await glance(demo, "/v2/images", { method: "POST", json: { name, disk_format: "raw", container_format: "bare" } });
    expect(res.status).toBe(201);
    const id = (await res.json()).id as string;
    cleanup.add(`image ${name}`, async () => {
      await glance(admin, `/v2/images/${id}/actions/reactivate`, { method: "POST" });
      await glance(demo, `/v2/images/${id}`, { method: "DELETE" });
    });
    return id;
  };
  const file = (s: OsSession, id: string) => glance(s, `/v2/images/${id}/file`);
  const action = (s: OsSession, id: string, a: string) => glance(s, `/v2/images/${id}/actions/${a}`, { method: "POST" });

  beforeAll(async () => {
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    withData = await create(`${P}-data`);
    queued = await create(`${P}-queued`);
    const up = await glance(demo, `/v2/images/${withData}/file`, {
      method: "PUT",
      headers: { "Content-Type": "application/octet-stream" },
      body: data,
    });
    expect(up.status).toBe(204);
    for (let i = 0; i < 60; i++) {
      if ((await (await glance(demo, `/v2/images/${withData}`)).json()).status === "active") break;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  afterAll(() => cleanup.run());

  it("answers the uploaded bytes with their md5 and length", async () => {
    const res = await file(demo, withData);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-md5")).toBe(createHash("md5").update(data).digest("hex"));
    expect(res.headers.get("content-length")).toBe(String(data.length));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(data);
  });

  it("answers 204 for an image without data and 404 for a missing one", async () => {
    const none = await file(demo, queued);
    expect(none.status).toBe(204);
    expect(await none.text()).toBe("");
    expect((await file(demo, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("refuses a deactivated image's data to its owner but not to an admin; a queued image cannot be deactivated", async () => {
    expect((await action(demo, queued, "deactivate")).status).toBe(403);
    expect((await action(demo, withData, "deactivate")).status).toBe(204);
    const refused = await glance(demo, `/v2/images/${withData}/file`, { headers: { Accept: "application/json" } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/^The requested image has been deactivated. Image data download is forbidden./);
    const asAdmin = await file(admin, withData);
    expect(asAdmin.status).toBe(200);
    await asAdmin.arrayBuffer();
    expect((await action(demo, withData, "reactivate")).status).toBe(204);
    const again = await file(demo, withData);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  });
});
