/**
 * Nova v2.1 on both targets: microversion negotiation and echo, faults, flavors, key pairs, actions, list paging,
 * quotas. Each test makes (and removes) its own servers, key pairs and image, named "zt-a-…", and reads what it
 * expects (the version range, the quota, the port's address) from the services themselves.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { glance, nova, pollUntil } from "../../test/storage-helpers";
import { stableUuid } from "../../scenarios/network";

const GiB = 1024 ** 3;
const tag = `zt-a-${randomBytes(3).toString("hex")}`;
/** The target's raw Glance image (the sim's seeded CentOS, the real tier's zenith-raw). */
const RAW = onSim ? stableUuid("image", "centos-7-raw") : (target.real!.images.raw as string);

describe(`nova on the ${target.name} target`, () => {
  let demo: OsSession, admin: OsSession;
  let net: { id: string; name: string };
  type Flavor = { id: string; name: string; disk: number; vcpus: number; ram: number };
  /** m1.tiny, for the refusals; `fit`, the smallest flavor the raw image fits on, for the boots. */
  let tiny: Flavor, fit: Flavor;
  /** A private image of our own: 1 MiB of data, min_disk one GB above the tiny flavor's disk. */
  let big: { id: string; minDisk: number };
  const servers: string[] = [];

  const boot = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await nova(demo, "/servers", "2.37", {
      method: "POST",
      json: { server: { name, flavorRef: fit.id, imageRef: RAW, networks: [{ uuid: net.id }], ...extra } },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const id: string = (await res.json()).server.id;
    servers.push(id);
    return id;
  };
  const show = async (id: string) => (await (await nova(demo, `/servers/${id}`)).json()).server;

  beforeAll(async () => {
    [demo, admin] = await Promise.all([login("demo"), login("admin")]);
    const nets: { id: string; name: string; project_id: string; shared: boolean; subnets: string[] }[] = (
      await (await demo.call("network", "/v2.0/networks")).json()
    ).networks;
    const usable = nets.filter((n) => n.subnets.length > 0);
    const pick = usable.find((n) => n.project_id === demo.projectId) ?? usable.find((n) => n.shared);
    if (!pick) throw new Error(`no network with a subnet for demo among ${nets.map((n) => n.name).join(", ")}`);
    net = pick;
    const flavors: Flavor[] = (await (await nova(demo, "/flavors/detail")).json()).flavors;
    tiny = flavors.find((f) => f.name === "m1.tiny")!;
    const raw = await (await glance(demo, `/v2/images/${RAW}`)).json();
    const need = Math.max(raw.min_disk * GiB, raw.virtual_size ?? raw.size);
    fit = flavors.filter((f) => f.disk * GiB >= need).sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk)[0];
    const made = await glance(demo, "/v2/images", {
      method: "POST",
      json: { name: `${tag}-big`, disk_format: "raw", container_format: "bare", min_disk: tiny.disk + 1, visibility: "private" },
    });
    expect(made.status).toBe(201);
    big = { id: (await made.json()).id, minDisk: tiny.disk + 1 };
    const up = await glance(demo, `/v2/images/${big.id}/file`, {
      method: "PUT",
      headers: { "Content-Type": "application/octet-stream" },
      body: new Uint8Array(1 << 20).fill(7),
    });
    expect(up.status).toBe(204);
    await pollUntil(
      async () => (await (await glance(demo, `/v2/images/${big.id}`)).json()).status,
      (s) => s === "active",
      60_000,
      250,
    );
  });
  afterAll(async () => {
    for (const id of servers) await nova(demo, `/servers/${id}`, "2.1", { method: "DELETE" });
    for (const id of servers)
      await pollUntil(
        async () => (await nova(demo, `/servers/${id}`)).status,
        (s) => s === 404,
        120_000,
        250,
      ).catch(() => undefined);
    if (big) await glance(demo, `/v2/images/${big.id}`, { method: "DELETE" });
  });

  it("echoes the microversion on every response, errors included; 406 beyond the advertised maximum; 2.1 by default", async () => {
    const { version } = await (await demo.call("compute", "/")).json();
    const [major, minor] = String(version.version).split(".").map(Number);
    expect(major).toBe(2);
    const ok = await nova(demo, "/flavors", "2.55");
    expect(ok.headers.get("openstack-api-version")).toBe("compute 2.55");
    expect(ok.headers.get("x-openstack-nova-api-version")).toBe("2.55");
    expect(ok.headers.get("vary")).toContain("OpenStack-API-Version");
    const missing = await nova(demo, "/servers/nope", "2.90");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("openstack-api-version")).toBe("compute 2.90");
    expect(await missing.json()).toEqual({ itemNotFound: { code: 404, message: "Instance nope could not be found." } });
    const beyond = `2.${minor + 1}`;
    const tooNew = await nova(demo, "/servers", beyond);
    expect(tooNew.status).toBe(406);
    expect(await tooNew.json()).toEqual({
      computeFault: {
        code: 406,
        message: `Version ${beyond} is not supported by the API. Minimum is ${version.min_version} and maximum is ${version.version}.`,
      },
    });
    const none = await demo.call("compute", "/flavors");
    expect(none.headers.get("openstack-api-version")).toBe("compute 2.1");
    expect((await nova(demo, "/flavors", "latest")).headers.get("openstack-api-version")).toBe(`compute ${version.version}`);
    const legacy = await demo.call("compute", "/flavors", { headers: { "X-OpenStack-Nova-API-Version": "2.20" } });
    expect(legacy.headers.get("x-openstack-nova-api-version")).toBe("2.20");
    expect((await demo.call("compute", `/${demo.projectId}/flavors`)).status).toBe(200);
  });

  it('flavors: m1.tiny and m1.small; swap is "" before 2.75 and 0 from it; an unknown flavor is 404', async () => {
    const names = (await (await nova(demo, "/flavors")).json()).flavors.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(["m1.tiny", "m1.small"]));
    expect((await (await nova(demo, `/flavors/${tiny.id}`, "2.74")).json()).flavor.swap).toBe("");
    expect((await (await nova(demo, `/flavors/${tiny.id}`, "2.75")).json()).flavor.swap).toBe(0);
    const nf = await nova(demo, "/flavors/zt-a-none");
    expect(nf.status).toBe(404);
    expect(await nf.json()).toEqual({ itemNotFound: { code: 404, message: "Flavor zt-a-none could not be found." } });
  });

  it("key pairs: create (generated at 2.2), list, show, duplicate 409, delete", async () => {
    const name = `${tag}-k1`;
    const made = await (await nova(demo, "/os-keypairs", "2.2", { method: "POST", json: { keypair: { name } } })).json();
    try {
      expect(made.keypair).toMatchObject({ name, type: "ssh", private_key: expect.stringContaining("PRIVATE KEY") });
      const dup = await nova(demo, "/os-keypairs", "2.2", { method: "POST", json: { keypair: { name } } });
      expect(dup.status).toBe(409);
      expect(await dup.json()).toEqual({ conflictingRequest: { code: 409, message: `Key pair '${name}' already exists.` } });
      const list = await (await nova(demo, "/os-keypairs", "2.2")).json();
      expect(list.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name)).toContain(name);
      expect((await nova(demo, `/os-keypairs/${name}`, "2.2")).status).toBe(200);
    } finally {
      expect((await nova(demo, `/os-keypairs/${name}`, "2.2", { method: "DELETE" })).status).toBe(204);
    }
    expect((await nova(demo, `/os-keypairs/${name}`, "2.2")).status).toBe(404);
  });

  it("rejects bad boots with nova's own messages (and boots nothing)", async () => {
    const post = (server: object, mv = "2.37") =>
      nova(demo, "/servers", mv, { method: "POST", json: { server: { name: `${tag}-bad`, ...server } } });
    const msg = async (r: Response) => {
      expect(r.status).toBe(400);
      return ((await r.json()).badRequest as { message: string }).message;
    };
    expect(await msg(await post({ flavorRef: tiny.id, imageRef: RAW }))).toMatch(/'networks' is a required property$/);
    expect(await msg(await post({ flavorRef: "zt-a-none", imageRef: RAW, networks: "none" }))).toBe("Flavor zt-a-none could not be found.");
    expect(await msg(await post({ flavorRef: tiny.id, networks: "none" }))).toBe("Missing imageRef attribute");
    expect(await msg(await post({ flavorRef: tiny.id, imageRef: big.id, networks: "none" }))).toBe(
      `Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is ${tiny.disk * GiB} bytes, minimum size is ${big.minDisk * GiB} bytes.`,
    );
    expect(
      await msg(
        await post(
          {
            flavorRef: tiny.id,
            networks: "none",
            block_device_mapping_v2: [
              { uuid: RAW, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 10, volume_type: "x" },
            ],
          },
          "2.66",
        ),
      ),
    ).toMatch(/\('volume_type' was unexpected\)$/);
    expect(
      await msg(
        await post({
          flavorRef: tiny.id,
          networks: "none",
          block_device_mapping_v2: [
            { uuid: big.id, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: tiny.disk },
          ],
        }),
      ),
    ).toBe(
      `Volume is smaller than the minimum size specified in image metadata. Volume size is ${tiny.disk * GiB} bytes, minimum size is ${big.minDisk * GiB} bytes.`,
    );
    expect(await msg(await post({ flavorRef: fit.id, imageRef: RAW, networks: [{ uuid: "3cb9bc59-5699-4588-a4b1-b87f96708bc6" }] }))).toBe(
      "Network 3cb9bc59-5699-4588-a4b1-b87f96708bc6 could not be found.",
    );
    expect((await (await nova(demo, `/servers?name=^${tag}-bad`)).json()).servers).toEqual([]);
  });

  it("stop, start and reboot, with 409 when the state does not allow it; the port goes with the server", async () => {
    const id = await boot(`${tag}-acts`);
    await pollUntil(
      () => show(id),
      (s) => s.status === "ACTIVE",
      120_000,
      250,
    );
    const [port] = (await (await demo.call("network", `/v2.0/ports?device_id=${id}`)).json()).ports;
    expect((await show(id)).addresses[net.name]).toEqual([
      expect.objectContaining({ version: 4, "OS-EXT-IPS:type": "fixed", addr: port.fixed_ips[0].ip_address }),
    ]);
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-stop": null } })).status).toBe(202);
    await pollUntil(
      () => show(id),
      (s) => s.status === "SHUTOFF",
      120_000,
      250,
    );
    expect((await show(id))["OS-EXT-STS:power_state"]).toBe(4);
    const again = await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-stop": null } });
    expect(again.status).toBe(409);
    expect((await again.json()).conflictingRequest.message).toBe(`Cannot 'stop' instance ${id} while it is in vm_state stopped`);
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { "os-start": null } })).status).toBe(202);
    await pollUntil(
      () => show(id),
      (s) => s.status === "ACTIVE",
      120_000,
      250,
    );
    expect((await nova(demo, `/servers/${id}/action`, "2.1", { method: "POST", json: { reboot: { type: "SOFT" } } })).status).toBe(202);
    await pollUntil(
      () => show(id),
      (s) => s.status === "ACTIVE" && s["OS-EXT-STS:task_state"] === null,
      120_000,
      250,
    );
    expect((await nova(demo, `/servers/${id}`, "2.1", { method: "DELETE" })).status).toBe(204);
    await pollUntil(
      async () => (await nova(demo, `/servers/${id}`)).status,
      (s) => s === 404,
      120_000,
      250,
    );
    expect((await (await demo.call("network", `/v2.0/ports?device_id=${id}`)).json()).ports).toHaveLength(0);
  });

  it("lists: members see their project only, admins all_tenants; limit/marker paging with servers_links", async () => {
    const ids = [await boot(`${tag}-page-1`), await boot(`${tag}-page-2`), await boot(`${tag}-page-3`)];
    const mine: { id: string }[] = (await (await nova(demo, "/servers")).json()).servers;
    expect(mine.map((s) => s.id)).toEqual(expect.arrayContaining(ids));
    const all: { id: string }[] = (await (await nova(admin, "/servers?all_tenants=1")).json()).servers;
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining(ids));
    const adminOwn: { id: string }[] = (await (await nova(admin, "/servers")).json()).servers;
    expect(adminOwn.map((s) => s.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    // A member asking for all tenants is refused by policy (403) on both targets; all_tenants=0 is not asking.
    for (const path of ["/servers?all_tenants=1", "/servers/detail?all_tenants=true", "/servers/detail?all_tenants"]) {
      const refused = await nova(demo, path);
      expect(refused.status, path).toBe(403);
      expect((await refused.json()).forbidden.message).toMatch(/get_all_tenants/);
    }
    expect((await nova(demo, "/servers/detail?all_tenants=0")).status).toBe(200);
    const p1 = await (await nova(demo, `/servers/detail?limit=2&name=^${tag}-page-`)).json();
    expect(p1.servers).toHaveLength(2);
    const marker = new URL(p1.servers_links[0].href).searchParams.get("marker");
    expect(marker).toBe(p1.servers[1].id);
    const p2 = await (await nova(demo, `/servers/detail?limit=2&name=^${tag}-page-&marker=${marker}`)).json();
    expect(p2.servers).toHaveLength(1);
    expect([...p1.servers, ...p2.servers].map((s: { id: string }) => s.id).sort()).toEqual([...ids].sort());
    expect(p2.servers_links ?? []).toEqual([]);
    const bad = await nova(demo, "/servers?marker=nope");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ badRequest: { code: 400, message: "marker [nope] not found" } });
  });

  it("GET /limits reports the project's quota; a member may not change it; a boot beyond it is refused with nova's 403", async () => {
    const abs = (await (await nova(demo, "/limits", "2.57")).json()).limits.absolute;
    const quota = (await (await nova(demo, `/os-quota-sets/${demo.projectId}`, "2.57")).json()).quota_set;
    expect(abs).toMatchObject({ maxTotalInstances: quota.instances, maxTotalCores: quota.cores, maxTotalRAMSize: quota.ram });
    expect(abs).not.toHaveProperty("maxPersonality");
    expect((await (await nova(demo, "/limits", "2.1")).json()).limits.absolute).toHaveProperty("maxPersonality", 5);
    expect(
      (await nova(demo, `/os-quota-sets/${demo.projectId}`, "2.1", { method: "PUT", json: { quota_set: { cores: 10 } } })).status,
    ).toBe(403);
    // min_count beyond every limit: refused whole, without touching the project's (shared) quota.
    const n = Math.max(quota.instances, Math.ceil(quota.cores / fit.vcpus), Math.ceil(quota.ram / fit.ram)) + 1;
    const res = await nova(demo, "/servers", "2.37", {
      method: "POST",
      json: { server: { name: `${tag}-many`, flavorRef: fit.id, imageRef: RAW, networks: "none", min_count: n } },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).forbidden.message).toMatch(
      new RegExp(
        `^Quota exceeded for cores, instances, ram: Requested ${n * fit.vcpus}, ${n}, ${n * fit.ram}, but already used \\d+, \\d+, \\d+ of ${quota.cores}, ${quota.instances}, ${quota.ram} cores, instances, ram$`,
      ),
    );
    expect((await (await nova(demo, `/servers?name=^${tag}-many`)).json()).servers).toEqual([]);
  });
});

describe.runIf(onSim)(
  "nova createImage of an image-backed server (real tier: FakeDriver writes no disk, so there is no RBD image to copy)",
  () => {
    it("image-backed servers get a flattened RBD copy; volume-backed ones a Cinder snapshot and a bdm image", async () => {
      await simControl("/reset", { scenario: "default" });
      const demo = await login("demo");
      const web1 = stableUuid("server", "web-1"),
        db1 = stableUuid("server", "db-1");
      const res = await nova(demo, `/servers/${web1}/action`, "2.45", { method: "POST", json: { createImage: { name: "web-1-again" } } });
      expect(res.status).toBe(202);
      const { image_id } = await res.json();
      const img = await (await demo.call("image", `/v2/images/${image_id}`)).json();
      expect(img).toMatchObject({
        name: "web-1-again",
        status: "active",
        disk_format: "raw",
        image_type: "snapshot",
        instance_uuid: web1,
        base_image_ref: RAW,
        visibility: "private",
      });
      const old = await nova(demo, `/servers/${db1}/action`, "2.1", { method: "POST", json: { createImage: { name: "db-1-snap" } } });
      expect(old.status).toBe(202);
      const bfvId = old.headers.get("location")!.split("/").pop()!;
      const bfv = await (await demo.call("image", `/v2/images/${bfvId}`)).json();
      // As real Zed writes it: no image_type or instance_uuid; Glance's default qcow2/bare; zero bytes uploaded.
      expect(bfv).toMatchObject({
        status: "active",
        size: 0,
        virtual_size: null,
        disk_format: "qcow2",
        container_format: "bare",
        bdm_v2: "True",
        root_device_name: "/dev/vda",
        base_image_ref: "",
        checksum: "d41d8cd98f00b204e9800998ecf8427e",
      });
      expect(bfv).not.toHaveProperty("image_type");
      expect(bfv).not.toHaveProperty("instance_uuid");
      const bdm = JSON.parse(bfv.block_device_mapping);
      expect(bdm[0]).toMatchObject({ source_type: "snapshot", destination_type: "volume", boot_index: 0, snapshot_id: expect.any(String) });
      const snap = await (await demo.call("volumev3", `/snapshots/${bdm[0].snapshot_id}`)).json();
      expect(snap.snapshot.name).toBe("snapshot for db-1-snap");
      await simControl("/reset", { scenario: "default" });
    });
  },
);
