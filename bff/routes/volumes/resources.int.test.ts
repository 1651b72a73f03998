import { nanoid } from "nanoid";
import { login, type OsSession } from "../../../sim/test/os-session";
import { onSim, target } from "../../../tests/target";
import { createAgent } from "../../test/test-app";
import { bootFromVolume, deleteQuietly, waitFor } from "../../test/instance-helpers";
import { stableUuid } from "../../../sim/scenarios/network";
import { ImageListSchema } from "../../features/images/schema";
import { NetworkListSchema } from "../../features/networks/schema";
import { VolumeListSchema } from "../../features/volumes/schema";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SIM_RAW = stableUuid("image", "centos-7-raw");

describe(`volumes, images and networks (${target.name})`, () => {
  const a = createAgent();
  const volName = `zenith-it-vol-${nanoid(6)}`;
  let volId = "";
  let cinder: OsSession;

  beforeAll(async () => {
    cinder = await login("demo");
    const res = await cinder.call("volumev3", "/volumes", { method: "POST", json: { volume: { name: volName, size: 1 } } });
    if (res.status !== 202) throw new Error(`create volume: ${res.status} ${await res.text()}`);
    volId = (await res.json()).volume.id;
    for (let i = 0; i < 120; i++) {
      const v = (await (await cinder.call("volumev3", `/volumes/${volId}`)).json()).volume;
      if (v.status === "available") break;
      await sleep(250);
    }
    await a.login("demo");
  });
  afterAll(async () => {
    if (volId) await (await cinder.call("volumev3", `/volumes/${volId}`, { method: "DELETE" })).text();
  });

  it("needs a session", async () => {
    const anon = createAgent();
    for (const path of ["/api/volumes", "/api/images", "/api/networks"]) expect((await anon.get(path)).status, path).toBe(401);
  });

  it("lists volumes with size, status, type and bootable; searches by name", async () => {
    const res = await a.get(`/api/volumes?search=${volName}`);
    expect(res.status).toBe(200);
    expect(VolumeListSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.mode).toBe("scanned");
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: volId,
      name: volName,
      sizeGiB: 1,
      status: "available",
      bootable: false,
      attachments: [],
      sourceImage: null,
    });
    const page = await a.get("/api/volumes?limit=1");
    expect(page.body).toMatchObject({ mode: "upstream" });
    expect(page.body.items[0].id).toBe(volId);
    expect((await a.get("/api/volumes?status=nope")).body.message).toMatch(/^status:/);
  });

  it("names the server a volume is attached to and the image it came from", async () => {
    const server = `zt-a-it-bfv-${nanoid(6)}`;
    const { id, session } = await bootFromVolume(server, false);
    let rootId = "";
    try {
      const attached: { id: string }[] = (await (await session.call("compute", `/servers/${id}`)).json()).server[
        "os-extended-volumes:volumes_attached"
      ];
      expect(attached).toHaveLength(1);
      rootId = attached[0].id;
      const raw = await (await session.call("image", `/v2/images/${onSim ? SIM_RAW : target.real!.images.raw}`)).json();
      const res = await a.get("/api/volumes?limit=200");
      const root = res.body.items.find((v: { id: string }) => v.id === rootId);
      expect(root.attachments).toEqual([expect.objectContaining({ serverId: id, serverName: server })]);
      expect(root.sourceImage).toMatchObject({ id: raw.id, name: raw.name });
    } finally {
      await deleteQuietly(session, id);
      await waitFor(session, id, (st) => st === 404, 120_000);
      if (rootId) {
        for (
          let i = 0;
          i < 240 && (await (await session.call("volumev3", `/volumes/${rootId}`)).json()).volume?.status !== "available";
          i++
        )
          await sleep(250);
        await (await session.call("volumev3", `/volumes/${rootId}`, { method: "DELETE" })).text();
      }
    }
  });

  it("lists images with format facts, paged and sorted by Glance", async () => {
    const res = await a.get("/api/images?sort=name&dir=asc&limit=200");
    expect(res.status).toBe(200);
    expect(ImageListSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.mode).toBe("upstream");
    const names = res.body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual([...names].sort());
    const raw = target.real ? target.real.images.raw : res.body.items.find((i: { name: string }) => i.name === "centos-7-raw").id;
    const qcow = target.real ? target.real.images.qcow2 : res.body.items.find((i: { name: string }) => i.name === "ubuntu-22.04-qcow2").id;
    const byId = (id: string) => res.body.items.find((i: { id: string }) => i.id === id);
    expect(byId(raw)).toMatchObject({ diskFormat: "raw", copiedNotCloned: false });
    expect(byId(qcow)).toMatchObject({ diskFormat: "qcow2", copiedNotCloned: true });
    const one = await a.get("/api/images?limit=1");
    expect(one.body.items).toHaveLength(1);
    expect(one.body.nextMarker).toBe(one.body.items[0].id);
    const next = await a.get(`/api/images?limit=1&marker=${one.body.nextMarker}`);
    expect(next.body.items[0].id).not.toBe(one.body.items[0].id);
    const qcows = await a.get("/api/images?format=qcow2");
    expect(qcows.body.items.every((i: { diskFormat: string }) => i.diskFormat === "qcow2")).toBe(true);
  });

  it("lists networks with their subnets' CIDRs, sorted by Neutron", async () => {
    const res = await a.get("/api/networks");
    expect(res.status).toBe(200);
    expect(NetworkListSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.mode).toBe("upstream");
    const names = res.body.items.map((n: { name: string }) => n.name);
    expect(names).toEqual([...names].sort());
    const withSubnet = res.body.items.find((n: { subnets: { cidr: string }[] }) => n.subnets.some((s) => /\/\d+$/.test(s.cidr)));
    expect(withSubnet).toBeTruthy();
    const found = await a.get(`/api/networks?search=${encodeURIComponent(withSubnet.subnets[0].cidr)}`);
    expect(found.body.mode).toBe("scanned");
    expect(found.body.items.map((n: { id: string }) => n.id)).toContain(withSubnet.id);
    expect((await a.get("/api/networks?dir=up")).body.message).toMatch(/^dir:/);
  });

  it("names the failing service when an upstream is down", async () => {
    const broken = createAgent({
      ...a.deps,
      fetch: async (r, init) => {
        if (new URL(String(r)).pathname.includes("/v2.0/")) return new Response("<html>Service Unavailable</html>", { status: 503 });
        return globalThis.fetch(r, init);
      },
    });
    await broken.login("demo");
    const res = await broken.get("/api/networks");
    expect(res.status).toBe(502);
    expect(res.body.service).toBe("network");
    expect(res.body.message).toMatch(/^Neutron \(network\) answered 503/);
  });
});
