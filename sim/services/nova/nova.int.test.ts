/** Nova v2.1: microversion negotiation and echo, faults, flavors, key pairs, actions, list paging. */
import { beforeAll, describe, expect, it } from "vitest";
import { simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { nova, pollUntil } from "../../test/storage-helpers";
import { stableUuid } from "../../scenarios/network";

const CENTOS = stableUuid("image", "centos-7-raw");

describe.skipIf(target.name !== "sim")("nova (sim only: uses /_sim/reset and seeded servers)", () => {
  let demo: OsSession, admin: OsSession, net: string;
  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    [demo, admin] = await Promise.all([login("demo"), login("admin")]);
    net = (await (await demo.call("network", "/v2.0/networks?name=demo-net")).json()).networks[0].id;
  });

  it("echoes the microversion on every response, errors included; 406 out of range; 2.1 by default", async () => {
    const ok = await nova(demo, "/flavors", "2.55");
    expect(ok.headers.get("openstack-api-version")).toBe("compute 2.55");
    expect(ok.headers.get("x-openstack-nova-api-version")).toBe("2.55");
    expect(ok.headers.get("vary")).toContain("OpenStack-API-Version");
    const missing = await nova(demo, "/servers/nope", "2.90");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("openstack-api-version")).toBe("compute 2.90");
    expect(await missing.json()).toEqual({ itemNotFound: { code: 404, message: "Instance nope could not be found." } });
    const tooNew = await nova(demo, "/servers", "2.101");
    expect(tooNew.status).toBe(406);
    expect(await tooNew.json()).toEqual({ computeFault: { code: 406, message: "Version 2.101 is not supported by the API. Minimum is 2.1 and maximum is 2.100." } });
    const none = await demo.call("compute", "/flavors");
    expect(none.headers.get("openstack-api-version")).toBe("compute 2.1");
    const latest = await nova(demo, "/flavors", "latest");
    expect(latest.headers.get("openstack-api-version")).toBe("compute 2.100");
    const legacy = await demo.call("compute", "/flavors", { headers: { "X-OpenStack-Nova-API-Version": "2.20" } });
    expect(legacy.headers.get("x-openstack-nova-api-version")).toBe("2.20");
    const withProject = await demo.call("compute", `/${demo.projectId}/flavors`);
    expect(withProject.status).toBe(200);
  });

  it("flavors: m1.tiny, m1.small, m1.medium; swap is \"\" before 2.75", async () => {
    const names = (await (await nova(demo, "/flavors")).json()).flavors.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(["m1.tiny", "m1.small", "m1.medium"]));
    expect((await (await nova(demo, "/flavors/1", "2.74")).json()).flavor.swap).toBe("");
    expect((await (await nova(demo, "/flavors/1", "2.75")).json()).flavor.swap).toBe(0);
    expect((await nova(demo, "/flavors/99")).status).toBe(404);
  });

  it("key pairs: create (generated), list, show, duplicate 409, delete", async () => {
    const made = await (await nova(demo, "/os-keypairs", "2.2", { method: "POST", json: { keypair: { name: "k1" } } })).json();
    expect(made.keypair).toMatchObject({ name: "k1", type: "ssh", private_key: expect.stringContaining("PRIVATE KEY") });
    expect((await nova(demo, "/os-keypairs", "2.2", { method: "POST", json: { keypair: { name: "k1" } } })).status).toBe(409);
    const list = await (await nova(demo, "/os-keypairs", "2.2")).json();
    expect(list.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name)).toContain("k1");
    expect((await nova(demo, "/os-keypairs/k1", "2.2")).status).toBe(200);
    expect((await nova(demo, "/os-keypairs/k1", "2.2", { method: "DELETE" })).status).toBe(204);
  });

  it("rejects bad boots the way nova does", async () => {
    const post = (server: object, mv = "2.37") => nova(demo, "/servers", mv, { method: "POST", json: { server } });
    const msg = async (r: Response) => ((await r.json()).badRequest as { message: string }).message;
    expect(await msg(await post({ name: "x", flavorRef: "2", imageRef: CENTOS }))).toMatch(/'networks' is a required property/);
    expect(await msg(await post({ name: "x", flavorRef: "99", imageRef: CENTOS, networks: "none" }))).toBe("Invalid flavorRef provided.");
    expect(await msg(await post({ name: "x", flavorRef: "2", networks: "none" }))).toBe("Missing imageRef attribute");
    expect(await msg(await post({ name: "x", flavorRef: "1", imageRef: CENTOS, networks: "none" }))).toMatch(/^Flavor's disk is too small for requested image/);
    expect(await msg(await post({ name: "x", flavorRef: "1", networks: "none", block_device_mapping_v2: [
      { uuid: CENTOS, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 10, volume_type: "ceph-ssd" }] }, "2.66"))).toMatch(/'volume_type' was unexpected/);
    expect(await msg(await post({ name: "x", flavorRef: "1", networks: "none", block_device_mapping_v2: [
      { uuid: CENTOS, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 2 }] }))).toMatch(/^Volume is smaller than the minimum size specified in image metadata/);
    expect(await msg(await post({ name: "x", flavorRef: "2", imageRef: CENTOS, networks: [{ uuid: "3cb9bc59-5699-4588-a4b1-b87f96708bc6" }] })))
      .toBe("Network 3cb9bc59-5699-4588-a4b1-b87f96708bc6 could not be found.");
  });

  it("stop, start and reboot, with 409 when the state does not allow it", async () => {
    const res = await nova(demo, "/servers", "2.37", { method: "POST", json: { server: { name: "acts", flavorRef: "2", imageRef: CENTOS, networks: [{ uuid: net }] } } });
    const id = (await res.json()).server.id;
    const show = async () => (await (await nova(demo, `/servers/${id}`)).json()).server;
    const early = await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-stop": null } });
    expect(early.status).toBe(409);
    expect((await early.json()).conflictingRequest.message).toBe(`Cannot 'stop' instance ${id} while it is in vm_state building`);
    await pollUntil(show, (s) => s.status === "ACTIVE");
    const addr = (await show()).addresses["demo-net"][0];
    expect(addr).toMatchObject({ version: 4, "OS-EXT-IPS:type": "fixed", addr: expect.stringMatching(/^10\.0\.0\./) });
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-stop": null } })).status).toBe(202);
    await pollUntil(show, (s) => s.status === "SHUTOFF");
    expect((await show())["OS-EXT-STS:power_state"]).toBe(4);
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-stop": null } })).status).toBe(409);
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-start": null } })).status).toBe(202);
    expect((await show()).status).toBe("ACTIVE");
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { reboot: { type: "SOFT" } } })).status).toBe(202);
    const r = await pollUntil(show, (s) => s.status === "ACTIVE");
    expect(r.seen[0].status).toBe("REBOOT");
    const ports = await (await demo.call("network", `/v2.0/ports?device_id=${id}`)).json();
    expect(ports.ports).toHaveLength(1);
    expect((await nova(demo, `/servers/${id}`, "2.1", { method: "DELETE" })).status).toBe(204);
    expect((await (await demo.call("network", `/v2.0/ports?device_id=${id}`)).json()).ports).toHaveLength(0);
  });

  it("lists: members see their project, admins all_tenants; limit/marker paging with servers_links", async () => {
    const mine = (await (await nova(demo, "/servers")).json()).servers;
    const all = (await (await nova(admin, "/servers?all_tenants=1")).json()).servers;
    expect(all.length).toBeGreaterThan(mine.length);
    expect(mine.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(["web-1", "web-2", "db-1", "rhel-bfv-1"]));
    const p1 = await (await nova(demo, "/servers/detail?limit=2")).json();
    expect(p1.servers).toHaveLength(2);
    const marker = new URL(p1.servers_links[0].href).searchParams.get("marker");
    const p2 = await (await nova(demo, `/servers/detail?limit=2&marker=${marker}`)).json();
    expect(p2.servers[0].id).not.toBe(p1.servers[1].id);
    expect((await nova(demo, "/servers?marker=nope")).status).toBe(400);
    const errored = (await (await nova(demo, "/servers/detail?status=ERROR")).json()).servers;
    expect(errored.map((s: { name: string }) => s.name)).toContain("rhel-bfv-1");
    const fault = errored.find((s: { name: string }) => s.name === "rhel-bfv-1").fault;
    expect(fault.message).toMatch(/waited 183 seconds or 61 attempts\. And its status is creating\.$/);
    const active = (await (await nova(demo, "/servers/detail?status=ACTIVE")).json()).servers;
    for (const s of active) expect(s).not.toHaveProperty("fault");
  });

  it("createImage: image-backed servers get a flattened RBD copy; volume-backed ones a Cinder snapshot and a bdm image", async () => {
    const web1 = stableUuid("server", "web-1"), db1 = stableUuid("server", "db-1");
    const res = await nova(demo, `/servers/${web1}/action`, "2.45", { method: "POST", json: { createImage: { name: "web-1-again" } } });
    expect(res.status).toBe(202);
    const { image_id } = await res.json();
    const img = await (await demo.call("image", `/v2/images/${image_id}`)).json();
    expect(img).toMatchObject({ name: "web-1-again", status: "active", disk_format: "raw", image_type: "snapshot", instance_uuid: web1, base_image_ref: CENTOS, visibility: "private" });
    const old = await nova(demo, `/servers/${db1}/action`, "2.1", { method: "POST", json: { createImage: { name: "db-1-snap" } } });
    expect(old.status).toBe(202);
    const bfvId = old.headers.get("location")!.split("/").pop()!;
    const bfv = await (await demo.call("image", `/v2/images/${bfvId}`)).json();
    // As real Zed writes it: no image_type or instance_uuid; Glance's default qcow2/bare; zero bytes uploaded.
    expect(bfv).toMatchObject({ status: "active", size: 0, virtual_size: null, disk_format: "qcow2", container_format: "bare", bdm_v2: "True", root_device_name: "/dev/vda", base_image_ref: "", checksum: "d41d8cd98f00b204e9800998ecf8427e" });
    expect(bfv).not.toHaveProperty("image_type");
    expect(bfv).not.toHaveProperty("instance_uuid");
    const bdm = JSON.parse(bfv.block_device_mapping);
    expect(bdm[0]).toMatchObject({ source_type: "snapshot", destination_type: "volume", boot_index: 0, snapshot_id: expect.any(String) });
    const snap = await (await demo.call("volumev3", `/snapshots/${bdm[0].snapshot_id}`)).json();
    expect(snap.snapshot.name).toBe("snapshot for db-1-snap");
  });

  it("GET /limits reports the project's quota and usage; a boot beyond it is refused with nova's 403", async () => {
    const abs = (await (await nova(demo, "/limits", "2.57")).json()).limits.absolute;
    expect(abs).toMatchObject({ maxTotalInstances: 20, maxTotalCores: 40, maxTotalRAMSize: 102400 });
    expect(abs.totalInstancesUsed).toBeGreaterThanOrEqual(5);
    expect(abs).not.toHaveProperty("maxPersonality");
    expect((await (await nova(demo, "/limits", "2.1")).json()).limits.absolute).toHaveProperty("maxPersonality", 5);
    expect((await nova(demo, `/os-quota-sets/${demo.projectId}`, "2.1", { method: "PUT", json: { quota_set: { cores: 10 } } })).status).toBe(403);
    const put = await nova(admin, `/os-quota-sets/${demo.projectId}`, "2.1", { method: "PUT", json: { quota_set: { cores: abs.totalCoresUsed + 1 } } });
    expect((await put.json()).quota_set.cores).toBe(abs.totalCoresUsed + 1);
    const res = await nova(demo, "/servers", "2.37", { method: "POST", json: { server: { name: "big", flavorRef: "3", imageRef: CENTOS, networks: "none" } } });
    expect(res.status).toBe(403);
    expect((await res.json()).forbidden.message).toBe(`Quota exceeded for cores: Requested 2, but already used ${abs.totalCoresUsed} of ${abs.totalCoresUsed + 1} cores`);
    await nova(admin, `/os-quota-sets/${demo.projectId}`, "2.1", { method: "PUT", json: { quota_set: { cores: 40 } } });
  });
});
