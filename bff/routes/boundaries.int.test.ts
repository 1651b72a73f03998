import { nanoid } from "nanoid";
import { login, type OsSession } from "../../sim/test/os-session";
import { target } from "../../tests/target";
import { createAgent } from "../test/test-app";
import { deleteQuietly, waitFor } from "../test/instance-helpers";

/**
 * The negative cases at the BFF's boundaries, on both targets: what a member may not reach, what a forged
 * cookie or a crafted proxy path gets, and what happens when Nova refuses a launch. Each test makes what it needs.
 */
const NOVA = { "OpenStack-API-Version": "compute 2.67", "X-OpenStack-Nova-API-Version": "2.67" };

describe(`boundaries (${target.name})`, () => {
  let admin: OsSession;
  let privateImage = "";
  let adminServer = "";

  beforeAll(async () => {
    admin = await login("admin");
    // A private image of the admin project, with no data: enough for Glance to hide it from other projects.
    const img = await admin.call("image", "/v2/images", {
      method: "POST",
      json: { name: `zenith-it-private-${nanoid(5)}`, disk_format: "raw", container_format: "bare", visibility: "private" },
    });
    expect(img.status).toBe(201);
    privateImage = (await img.json()).id;
    // A server of the admin project (no network), booted straight through Nova.
    const flavors = (await (await admin.call("compute", "/flavors/detail", { headers: NOVA })).json()).flavors as {
      id: string;
      name: string;
    }[];
    const raw = target.real
      ? target.real.images.raw
      : (await (await admin.call("image", "/v2/images?name=centos-7-raw")).json()).images[0].id;
    const res = await admin.call("compute", "/servers", {
      method: "POST",
      headers: NOVA,
      json: {
        server: {
          name: `zenith-it-admin-${nanoid(5)}`,
          imageRef: raw,
          flavorRef: flavors.find((f) => f.name === "m1.small")!.id,
          networks: "none",
        },
      },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    adminServer = (await res.json()).server.id;
    await waitFor(admin, adminServer, (st) => st === "ACTIVE");
  });
  afterAll(async () => {
    if (adminServer) await deleteQuietly(admin, adminServer);
    if (privateImage) await admin.call("image", `/v2/images/${privateImage}`, { method: "DELETE" });
  });

  it("a member planning a boot from another project's private image gets Glance's 404, not a plan", async () => {
    const demo = createAgent();
    await demo.login("demo");
    const res = await demo.post("/api/boot/plan", { source: { type: "image", id: privateImage }, createVolume: true });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "upstream_not_found", service: "image" });
    // The owner's own plan for it works, so the 404 is the project boundary and not a broken image.
    const owner = createAgent();
    await owner.login("admin", "admin");
    expect((await owner.post("/api/boot/plan", { source: { type: "image", id: privateImage } })).status).toBe(200);
  });

  it("a member can neither see nor act on another project's server", async () => {
    const demo = createAgent();
    await demo.login("demo");
    expect((await demo.get(`/api/instances/${adminServer}`)).status).toBe(404);
    const stop = await demo.post(`/api/instances/${adminServer}/actions`, { action: "stop" });
    expect(stop.status).toBe(404);
    expect(stop.body.service).toBe("compute");
    expect((await demo.request("DELETE", `/api/instances/${adminServer}`)).status).toBe(404);
    const list = await demo.get(`/api/instances?search=zenith-it-admin`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(adminServer);
    // Nova still has it, running.
    const still = await admin.call("compute", `/servers/${adminServer}`, { headers: NOVA });
    expect((await still.json()).server.status).toBe("ACTIVE");
  });

  it("a member can't plan or execute a Lineage clean-up", async () => {
    const demo = createAgent();
    await demo.login("demo");
    const plan = await demo.post("/api/admin/lineage/cleanup", { orphans: ["vms/x_disk"], dryRun: true });
    expect(plan.status).toBe(403);
    expect(plan.body.code).toBe("forbidden");
    const run = await demo.post("/api/admin/lineage/cleanup", { orphans: ["vms/x_disk"], dryRun: false, planId: "p" });
    expect(run.status).toBe(403);
  });

  it("a forged or tampered session cookie is a 401, never a session", async () => {
    const a = createAgent();
    await a.login("demo");
    const [name, value] = a.cookie().split("=");
    const forged = createAgent();
    for (const v of ["Fe26.2**forged**", value.slice(0, -4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA"), ""]) {
      forged.setCookie(`${name}=${v}`);
      const res = await forged.get("/api/instances");
      expect(res.status).toBe(401);
    }
  });

  it("the proxy refuses traversal and encoded separators, and reaches nothing outside the service", async () => {
    const a = createAgent();
    await a.login("demo");
    for (const path of [
      "/api/openstack/compute/../identity/v3/users",
      "/api/openstack/compute/servers/%2e%2e/%2e%2e/x",
      "/api/openstack/compute/%2e%2e/os-hypervisors",
    ]) {
      const res = await a.get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
    expect((await a.get("/api/openstack/metadata/x")).status).toBe(400);
  });

  it("a launch Nova refuses is named, and POST /servers is sent exactly once", async () => {
    const a = createAgent();
    await a.login("demo");
    const img = (await a.get(`/api/images?search=${target.real ? "zenith-raw" : "centos-7-raw"}`)).body.items[0];
    const flavors = (await a.get("/api/boot/options")).body.flavors as { id: string; name: string }[];
    // A network id that exists nowhere: the BFF passes it on, and Nova refuses the request.
    const calls = a.deps as unknown as { calls: { method: string; url: string }[] };
    const before = calls.calls.length;
    const res = await a.post("/api/boot", {
      name: `zenith-it-refused-${nanoid(5)}`,
      source: { type: "image", id: img.id },
      flavorId: flavors.find((f) => f.name === "m1.small")!.id,
      networkIds: ["00000000-0000-4000-8000-00000000beef"],
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.service).toBe("compute");
    const posts = calls.calls.slice(before).filter((c) => c.method === "POST" && new URL(c.url).pathname.endsWith("/servers"));
    expect(posts).toHaveLength(1);
  });
});
