import { nanoid } from "nanoid";
import { onSim, simControl, target } from "../../../tests/target";
import { login } from "../../../sim/test/os-session";
import { stableUuid } from "../../../sim/scenarios/network";
import { createAgent } from "../../test/test-app";
import { bootFromVolume, bootTestServer, deleteQuietly, sleep, waitAllowed, waitFor } from "../../test/instance-helpers";
import { InstanceDetailSchema, InstanceListSchema } from "../../features/instances/schema";
import type { OsSession } from "../../../sim/test/os-session";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe(`instances (${target.name})`, () => {
  const a = createAgent();
  const name = `zenith-it-${nanoid(6)}`;
  let id = "";
  /** A second, older server of our own: there is always a second page to walk to. */
  let older = "";
  let nova: OsSession;

  beforeAll(async () => {
    ({ id: older } = await bootTestServer(`zt-a-older-${nanoid(6)}`));
    ({ id, session: nova } = await bootTestServer(name));
    await a.login("demo");
  });
  afterAll(async () => {
    if (id) await deleteQuietly(nova, id);
    if (older) await deleteQuietly(nova, older);
  });

  it("needs a session for every route", async () => {
    const anon = createAgent();
    expect((await anon.get("/api/instances")).status).toBe(401);
    expect((await anon.get(`/api/instances/${id}`)).status).toBe(401);
    expect((await anon.post(`/api/instances/${id}/actions`, { action: "stop" })).status).toBe(401);
    expect((await anon.request("DELETE", `/api/instances/${id}`)).status).toBe(401);
  });

  it("lists the project's instances, newest first, paged by Nova with limit/marker", async () => {
    const first = await a.get("/api/instances?limit=1");
    expect(first.status).toBe(200);
    expect(InstanceListSchema.safeParse(first.body).success).toBe(true);
    expect(first.body).toMatchObject({ mode: "upstream", truncated: false });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ id, name, status: "ACTIVE", bootFromVolume: false, transient: false });
    expect(first.body.items[0].image.name).toBeTruthy();
    expect(first.body.items[0].flavor.name).toMatch(/^m1\./);
    const rowActions = Object.fromEntries(
      first.body.items[0].actions.map((x: { action: string; enabled: boolean }) => [x.action, x.enabled]),
    );
    expect(rowActions).toMatchObject({ start: false, stop: true, reboot: true, "hard-reboot": true, delete: true, unshelve: false });
    expect(first.body.nextMarker).toBe(id);
    const second = await a.get(`/api/instances?limit=1&marker=${first.body.nextMarker}`);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(id);
  });

  it("searches and sorts by walking the list when Nova cannot", async () => {
    const found = await a.get(`/api/instances?search=${name.toUpperCase()}`);
    expect(found.status).toBe(200);
    expect(found.body.mode).toBe("scanned");
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const sorted = await a.get("/api/instances?sort=name&dir=asc&limit=200");
    const names = sorted.body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual([...names].sort((x: string, y: string) => x.localeCompare(y, "en", { numeric: true, sensitivity: "base" })));
  });

  it("answers 400 naming the field for bad input", async () => {
    const limit = await a.get("/api/instances?limit=0");
    expect(limit.status).toBe(400);
    expect(limit.body.message).toMatch(/^limit:/);
    expect((await a.get("/api/instances?sort=ram")).body.message).toMatch(/^sort:/);
    expect((await a.get("/api/instances?marker=a%2Fb")).body.message).toMatch(/^marker:/);
    const act = await a.post(`/api/instances/${id}/actions`, { action: "explode" });
    expect(act.status).toBe(400);
    expect(act.body.message).toMatch(/^action:/);
    expect((await a.get("/api/instances/bad%20id")).status).toBe(400);
  });

  it("answers 404 for an instance Nova does not know", async () => {
    const res = await a.get(`/api/instances/${UNKNOWN}`);
    expect(res.status).toBe(404);
    expect(res.body.service).toBe("compute");
    expect((await a.post(`/api/instances/${UNKNOWN}/actions`, { action: "stop" })).status).toBe(404);
    expect((await a.request("DELETE", `/api/instances/${UNKNOWN}`)).status).toBe(404);
  });

  it("shows the detail with the action policy and its reasons", async () => {
    const res = await a.get(`/api/instances/${id}`);
    expect(res.status).toBe(200);
    expect(InstanceDetailSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.fault).toBeNull();
    const by = Object.fromEntries(res.body.actions.map((x: { action: string }) => [x.action, x]));
    expect(by.stop.enabled).toBe(true);
    expect(by.start).toMatchObject({ enabled: false, reason: "already_running" });
    expect(by.delete).toMatchObject({ enabled: true, destructive: true });
  });

  it("refuses state changes without the CSRF header", async () => {
    const post = await a.post(`/api/instances/${id}/actions`, { action: "stop" }, { csrf: false });
    expect(post.status).toBe(403);
    expect(post.body.code).toBe("csrf");
    const del = await a.request("DELETE", `/api/instances/${id}`, { csrf: false });
    expect(del.status).toBe(403);
    expect(del.body.code).toBe("csrf");
  });

  it("stops, refuses a second stop with the reason, and starts again", async () => {
    const stop = await a.post(`/api/instances/${id}/actions`, { action: "stop" });
    expect(stop.status).toBe(202);
    expect(stop.body).toEqual({ action: "stop", status: "ACTIVE" });
    await waitFor(nova, id, (s, task) => s === "SHUTOFF" && !task);
    const again = await a.post(`/api/instances/${id}/actions`, { action: "stop" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "action_not_allowed", message: "Stop: the instance is already SHUTOFF" });
    const detail = await waitAllowed(a, id, "start");
    expect(detail.status).toBe("SHUTOFF");
    expect((await a.post(`/api/instances/${id}/actions`, { action: "start" })).status).toBe(202);
    await waitFor(nova, id, (s, task) => s === "ACTIVE" && !task);
  });

  it("deletes, after which the instance is gone", async () => {
    const res = await a.request("DELETE", `/api/instances/${id}`);
    expect(res.status).toBe(202);
    expect(res.body.action).toBe("delete");
    // Until the 404, every answer keeps polling and offers nothing: real Nova answers DELETED with
    // task_state null for a moment on the way (a row that stopped polling there froze as "Deleted").
    const seen: { status: string; transient: boolean; enabled: string[] }[] = [];
    for (let end = Date.now() + 60_000; ; ) {
      const r = await a.get(`/api/instances/${id}`);
      if (r.status === 404) break;
      expect(r.status).toBe(200);
      seen.push({
        status: r.body.status,
        transient: r.body.transient,
        enabled: r.body.actions.filter((x: { enabled: boolean }) => x.enabled).map((x: { action: string }) => x.action),
      });
      if (Date.now() > end) throw new Error(`still there: ${JSON.stringify(seen.at(-1))}`);
      await sleep(50);
    }
    expect(seen.filter((x) => !x.transient || x.enabled.length)).toEqual([]);
    // The sim's DELETED lasts long enough to be seen every time; real Nova's lasts about one poll in five.
    if (onSim) expect(seen.map((x) => x.status)).toContain("DELETED");
    expect((await a.get("/api/instances?limit=200")).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    id = "";
  });

  it("shows Nova's fault verbatim for an instance in ERROR (a boot from a qcow2 volume that outlasts Nova's wait)", async () => {
    // The real tier's nova.conf waits 4 × 1 s; the sim is set to the same for this test.
    if (onSim) await simControl("/nova-config", { block_device_allocate_retries: 4, block_device_allocate_retries_interval: 1 });
    const s = await login("demo");
    const qcow2 = onSim ? stableUuid("image", "ubuntu-22.04-qcow2") : (target.real!.images.qcow2 as string);
    const img = await (await s.call("image", `/v2/images/${qcow2}`)).json();
    const size = Math.max(1, img.min_disk, Math.ceil((img.virtual_size ?? img.size) / 1024 ** 3));
    const flavors: { id: string; ram: number; vcpus: number }[] = (await (await s.call("compute", "/flavors/detail")).json()).flavors;
    const flavor = flavors.filter((f) => f.ram >= (img.min_ram ?? 0)).sort((x, y) => x.vcpus - y.vcpus || x.ram - y.ram)[0];
    const errName = `zt-a-it-err-${nanoid(6)}`;
    const res = await s.call("compute", "/servers", {
      method: "POST",
      headers: { "OpenStack-API-Version": "compute 2.67" },
      json: {
        server: {
          name: errName,
          flavorRef: flavor.id,
          networks: "none",
          block_device_mapping_v2: [
            {
              boot_index: 0,
              uuid: qcow2,
              source_type: "image",
              destination_type: "volume",
              volume_size: size,
              delete_on_termination: true,
            },
          ],
        },
      },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const errId: string = (await res.json()).server.id;
    let volumeId: string | undefined;
    try {
      await waitFor(s, errId, (st) => st === "ERROR", 180_000);
      const list = await a.get(`/api/instances?search=${errName}`);
      const row = list.body.items.find((i: { id: string }) => i.id === errId);
      expect(row).toMatchObject({ status: "ERROR", bootFromVolume: true, image: null });
      expect(row.faultMessage).toMatch(/did not finish being created/);
      const detail = await a.get(`/api/instances/${errId}`);
      const fault: string = (await (await s.call("compute", `/servers/${errId}`)).json()).server.fault.message;
      expect(detail.body.fault.message).toBe(fault); // verbatim
      expect(fault).toMatch(
        /^Build of instance .* aborted: Volume .* did not finish being created even after we waited \d+ seconds or \d+ attempts\. And its status is (creating|downloading)\.$/,
      );
      volumeId = /Volume ([0-9a-f-]{36})/.exec(fault)?.[1];
      const by = Object.fromEntries(detail.body.actions.map((x: { action: string }) => [x.action, x]));
      expect(by.start.reason).toBe("error_state");
      expect(by["hard-reboot"].enabled).toBe(true);
    } finally {
      if (onSim) await simControl("/nova-config", { block_device_allocate_retries: 60, block_device_allocate_retries_interval: 3 });
      await deleteQuietly(s, errId);
      await waitFor(s, errId, (st) => st === 404, 120_000).catch(() => undefined);
      // Nova leaves the volume it gave up on (named in the fault); it is removed once its copy ends.
      if (volumeId) {
        for (let i = 0; i < 480; i++) {
          const v = await s.call("volumev3", `/volumes/${volumeId}`);
          if (v.status === 404) break;
          if (["available", "error"].includes((await v.json()).volume.status)) {
            await (await s.call("volumev3", `/volumes/${volumeId}`, { method: "DELETE" })).text();
            break;
          }
          await sleep(500);
        }
      }
    }
  });

  it("a boot-from-volume instance names its root volume and whether a delete keeps it; deleted, the volume stays", async () => {
    const { id: bfv, session } = await bootFromVolume(`zenith-it-bfv-${nanoid(6)}`, false);
    let volumeId = "";
    try {
      const res = await a.get(`/api/instances/${bfv}`);
      expect(res.status).toBe(200);
      expect(InstanceDetailSchema.safeParse(res.body).success).toBe(true);
      expect(res.body.bootFromVolume).toBe(true);
      const roots = res.body.volumes.filter((v: { root: boolean }) => v.root);
      expect(roots).toEqual([expect.objectContaining({ deleteOnTermination: false, bootable: true })]);
      volumeId = roots[0].id;
      expect((await a.request("DELETE", `/api/instances/${bfv}`)).status).toBe(202);
      await waitFor(session, bfv, (st) => st === 404);
      // What the dialog promised: the root volume is kept, detached.
      let vol: { status: string; attachments: unknown[] } | null = null;
      for (let i = 0; i < 80; i++) {
        vol = (await (await session.call("volumev3", `/volumes/${volumeId}`)).json()).volume;
        if (vol!.status === "available") break;
        await sleep(250);
      }
      expect(vol).toMatchObject({ status: "available", attachments: [] });
    } finally {
      await deleteQuietly(session, bfv);
      if (volumeId) {
        await waitFor(session, bfv, (st) => st === 404);
        for (let i = 0; i < 80; i++) {
          const v = await session.call("volumev3", `/volumes/${volumeId}`);
          if (v.status === 404) break;
          if ((await v.json()).volume.status === "available") {
            await (await session.call("volumev3", `/volumes/${volumeId}`, { method: "DELETE" })).text();
            break;
          }
          await sleep(250);
        }
      }
    }
  });
});
