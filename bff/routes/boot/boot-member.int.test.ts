import { nanoid } from "nanoid";
import { onReal, simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../../sim/test/os-session";
import { createAgent, testDeps } from "../../test/test-app";
import { demoImages } from "../../test/boot-helpers";
import { BootPlanSchema } from "../../features/boot/schema";

/**
 * A member's plan rests on what the BFF can prove: Glance may hide the image's location from the member, but the
 * BFF's own Ceph account reads images/<image id> (by id, omit_usage, never a list) and settles "same cluster" and
 * "snapshot readable" as pass/fail with a code, never Ceph's text, URL or fsid.
 */
type Check = { id: string; status: string; code: string; evidence: string };
const byId = (plan: { checks: Check[] }) => Object.fromEntries(plan.checks.map((c) => [c.id, c]));
const NO_CEPH_TEXT = /rbd:\/\/|https?:\/\/|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/images/;

let demo: OsSession;
const created: string[] = [];
beforeAll(async () => {
  if (!onReal) await simControl("/reset", { scenario: "default" });
  demo = await login("demo");
});
afterAll(async () => {
  for (const id of created) await (await demo.call("image", `/v2/images/${id}`, { method: "DELETE" })).text();
});

describe(`boot plan as a member (${target.name})`, () => {
  it("a raw image in this cluster: clone, with same-cluster and snapshot checks passed by the BFF's Ceph account", async () => {
    const a = createAgent();
    await a.login("demo");
    const { raw } = await demoImages(a);
    const res = await a.post("/api/boot/plan", { source: { type: "image", id: raw }, createVolume: true });
    expect(res.status).toBe(200);
    expect(BootPlanSchema.safeParse(res.body).success).toBe(true);
    const c = byId(res.body);
    expect(res.body.path).toBe("rbd-clone-volume");
    expect(c.same_fsid.status).toBe("pass");
    expect(c.raw_format.status).toBe("pass");
    expect(c.snapshot_readable.status).toBe("pass");
    // Real Glance shows direct_url to members (show_image_direct_url = True): all four pass and the clone is certain.
    // The sim applies the admin-only location policy: the location stays unknown, so the plan is a clone only if it is.
    if (c.location_exposed.status === "pass") expect(res.body).toMatchObject({ certain: true, alternative: null });
    else {
      expect(c.location_exposed).toMatchObject({ status: "unknown", code: "location_hidden_from_role" });
      expect(c.same_fsid.code).toBe("in_cluster_by_id");
      expect(res.body.certain).toBe(false);
      expect(res.body.alternative).toMatchObject({ path: "copy-volume", ifFails: ["location_exposed"] });
    }
    for (const k of res.body.checks) expect(k.evidence).not.toMatch(NO_CEPH_TEXT);
    console.log(
      `[member plan ${target.name}] raw: ${res.body.path} certain=${res.body.certain} ${res.body.checks.map((k: Check) => `${k.id}=${k.status}(${k.code})`).join(" ")}`,
    );
  });

  it("an image that is not in this cluster: a certain copy, not an assumed clone", async () => {
    const a = createAgent();
    await a.login("demo");
    let imageId: string;
    if (onReal) {
      // Every image uploaded through the real Glance lands in its RBD store; one with no data has no RBD image at all.
      const res = await demo.call("image", "/v2/images", {
        method: "POST",
        json: { name: `zt-member-empty-${nanoid(6)}`, disk_format: "raw", container_format: "bare" },
      });
      expect(res.status).toBe(201);
      imageId = (await res.json()).id;
      created.push(imageId);
    } else imageId = (await demoImages(a)).foreign!;
    const res = await a.post("/api/boot/plan", { source: { type: "image", id: imageId }, createVolume: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = byId(res.body);
    expect(res.body).toMatchObject({ path: "copy-volume", certain: true, alternative: null });
    expect(c.same_fsid.status).toBe("fail");
    // A member never sees the location; on the sim the foreign image's copy outlasts Nova's wait, and the plan says so.
    if (c.location_exposed.status === "unknown") expect(c.same_fsid.code).toBe("not_in_cluster");
    if (!onReal)
      expect(res.body.risks.find((r: { code: string }) => r.code === "nova_volume_wait_exceeded")).toMatchObject({ severity: "error" });
    for (const k of res.body.checks) expect(k.evidence).not.toMatch(NO_CEPH_TEXT);
    console.log(
      `[member plan ${target.name}] not in cluster: ${res.body.path} certain=${res.body.certain} ${res.body.checks.map((k: Check) => `${k.id}=${k.status}(${k.code})`).join(" ")}`,
    );
  });

  it("the Images page labels each raw image by the same verdict, one Ceph read per active raw image and no list", async () => {
    const deps = testDeps();
    const a = createAgent(deps);
    await a.login("demo");
    const ids = await demoImages(a);
    const before = deps.calls.length;
    const list = await a.get("/api/images?limit=100");
    expect(list.status).toBe(200);
    const ceph = deps.calls
      .slice(before)
      .filter((c) => c.service === "ceph" && !c.url.endsWith("/api/auth"))
      .map((c) => new URL(c.url).pathname);
    const rawActive = list.body.items.filter(
      (i: { diskFormat: string; status: string; volumeBacked: boolean }) =>
        i.diskFormat === "raw" && i.status === "active" && !i.volumeBacked,
    );
    expect(ceph.length).toBe(rawActive.length);
    expect(ceph.every((p) => /^.*\/api\/block\/image\/images%2F[^/]+$/.test(p))).toBe(true);
    console.log(
      `[images ${target.name}] ${list.body.items.length} images listed, ${rawActive.length} raw active → ${ceph.length} Ceph Dashboard reads`,
    );
    const label = (id: string) => list.body.items.find((i: { id: string }) => i.id === id)?.cloneVerdict;
    expect(label(ids.raw)).toBe("clone");
    expect(label(ids.qcow2)).toBe("copy");
    if (ids.foreign) expect(label(ids.foreign)).toBe("copy");
  });
});
