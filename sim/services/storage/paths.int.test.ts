/**
 * Clone vs copy for each demo image, for Cinder volumes and Nova local disks, and Nova's volume wait
 * running out (the "ticked create new volume and it errored" case), as measured on Zed + Ceph 16.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simControl, target } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { cephLogin, cinder, nova, pollUntil } from "../../test/storage-helpers";
import { stableUuid } from "../../scenarios/network";

const IMG = {
  centos: stableUuid("image", "centos-7-raw"),
  ubuntu: stableUuid("image", "ubuntu-22.04-qcow2"),
  rhel: stableUuid("image", "rhel-9-large-foreign"),
};

describe.skipIf(target.name !== "sim")("clone or copy, and Nova's wait (sim only: uses /_sim/reset, /_sim/time-scale and /_sim/nova-config)", () => {
  let demo: OsSession, admin: OsSession, ceph: Awaited<ReturnType<typeof cephLogin>>, net: string;
  const volStatus = async (id: string) => (await (await cinder(demo, `/volumes/${id}`)).json()).volume.status as string;
  const rbdInfo = async (spec: string) => (await ceph(`/api/block/image/${encodeURIComponent(spec)}`)).json();
  const newVolume = async (image: string, size: number) => {
    const res = await cinder(demo, "/volumes", "3.0", { method: "POST", json: { volume: { size, imageRef: image, name: `v-${image.slice(0, 4)}` } } });
    expect(res.status).toBe(202);
    return (await res.json()).volume;
  };

  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    await simControl("/time-scale", { scale: 0.02 });
    [demo, admin] = await Promise.all([login("demo"), login("admin")]);
    ceph = await cephLogin(admin);
    net = (await (await demo.call("network", "/v2.0/networks?name=demo-net")).json()).networks[0].id;
  });
  afterAll(async () => {
    await simControl("/nova-config", { block_device_allocate_retries: 60, block_device_allocate_retries_interval: 3 });
  });

  it("raw image → volume is an RBD clone: creating → available, never downloading", async () => {
    const v = await newVolume(IMG.centos, 10);
    expect(v.status).toBe("creating");
    // The clone takes ~1.1 cloud s (22 ms at this scale), so the first poll may already see it available.
    const { seen } = await pollUntil(() => volStatus(v.id), (s) => s === "available", 30_000, 5);
    expect(seen).not.toContain("downloading");
    expect(["creating,available", "available"]).toContain(seen.join(","));
    const rbd = await rbdInfo(`volumes/volume-${v.id}`);
    expect(rbd.parent).toEqual({ pool_name: "images", pool_namespace: "", image_name: IMG.centos, snap_name: "snap" });
    // The dashboard's usage (diff_iterate with include_parent=True) counts what the clone reads from its parent;
    // the clone itself stores nothing yet (omit_usage answers null).
    const parent = await rbdInfo(`images/${IMG.centos}`);
    expect(rbd.total_disk_usage).toBe(parent.snapshots.find((s: { name: string }) => s.name === "snap").disk_usage);
    expect((await (await ceph(`/api/block/image/${encodeURIComponent(`volumes/volume-${v.id}`)}?omit_usage=true`)).json()).total_disk_usage).toBeNull();
    const shown = (await (await cinder(admin, `/volumes/${v.id}`)).json()).volume;
    expect(shown.bootable).toBe("true");
    expect(shown.volume_image_metadata).toMatchObject({ image_id: IMG.centos, image_name: "centos-7-raw", disk_format: "raw", min_disk: "8", min_ram: "512" });
    expect(shown["os-vol-host-attr:host"]).toBe("cinder-volume@ceph#ceph");
    expect((await (await cinder(demo, `/volumes/${v.id}`)).json()).volume).not.toHaveProperty("os-vol-host-attr:host");
  });

  it("qcow2 image → volume downloads while creating, then converts + imports while downloading: a full copy", async () => {
    const v = await newVolume(IMG.ubuntu, 10);
    // Cinder records the image metadata (and bootable) only at the end of the create flow.
    const early = (await (await cinder(demo, `/volumes/${v.id}`)).json()).volume;
    expect(early).toMatchObject({ status: "creating", bootable: "false" });
    expect(early).not.toHaveProperty("volume_image_metadata");
    const { seen } = await pollUntil(() => volStatus(v.id), (s) => s === "available", 30_000, 5);
    expect(seen).toEqual(["creating", "downloading", "available"]);
    const rbd = await rbdInfo(`volumes/volume-${v.id}`);
    expect(rbd.parent).toBeNull();
    expect(rbd.total_disk_usage).toBeGreaterThan(600 * 1024 * 1024);
    const done = (await (await cinder(demo, `/volumes/${v.id}`)).json()).volume;
    expect(done.bootable).toBe("true");
    expect(done.volume_image_metadata).toMatchObject({ image_id: IMG.ubuntu, disk_format: "qcow2" });
  });

  it("raw image on a foreign cluster → volume is a copy too (fsid differs)", async () => {
    const img = (await (await admin.call("image", `/v2/images/${IMG.rhel}`)).json());
    expect(img.direct_url).toMatch(/^rbd:\/\/9d3f1c2e-[^/]+\/images\/.+\/snap$/);
    const v = await newVolume(IMG.rhel, 30);
    await new Promise((r) => setTimeout(r, 300));
    expect(await volStatus(v.id)).toBe("creating");
    expect((await rbdInfo(`volumes/volume-${v.id}`)).parent).toBeNull();
  });

  it("a local root disk clones images/<raw>@snap into vms/<server>_disk; qcow2 is downloaded and converted", async () => {
    const boot = async (name: string, image: string) => {
      const res = await nova(demo, "/servers", "2.37", { method: "POST", json: { server: { name, flavorRef: "2", imageRef: image, networks: [{ uuid: net }] } } });
      expect(res.status).toBe(202);
      return (await res.json()).server.id as string;
    };
    const raw = await boot("clone-vm", IMG.centos);
    const q = await boot("copy-vm", IMG.ubuntu);
    expect((await rbdInfo(`vms/${raw}_disk`)).parent).toMatchObject({ pool_name: "images", image_name: IMG.centos, snap_name: "snap" });
    expect((await rbdInfo(`vms/${q}_disk`)).parent).toBeNull();
    const states = async (id: string) => {
      const s = (await (await nova(demo, `/servers/${id}`, "2.1")).json()).server;
      return `${s.status}/${s["OS-EXT-STS:task_state"]}`;
    };
    const ORDER = ["BUILD/scheduling", "BUILD/block_device_mapping", "BUILD/networking", "BUILD/spawning", "ACTIVE/null"];
    const t0 = Date.now();
    const a = await pollUntil(() => states(raw), (s) => s === "ACTIVE/null", 30_000, 5);
    const cloneMs = Date.now() - t0;
    const b = await pollUntil(() => states(q), (s) => s === "ACTIVE/null", 30_000, 5);
    const copyMs = Date.now() - t0;
    for (const seen of [a.seen, b.seen]) {
      const idx = seen.map((x) => ORDER.indexOf(x));
      expect(idx.every((i) => i >= 0)).toBe(true);
      expect(idx).toEqual([...idx].sort((x, y) => x - y));
    }
    expect(b.seen).toContain("BUILD/spawning");
    // download + convert + import of 653 MiB (~12 cloud s) against a ~1 s clone.
    expect(copyMs - cloneMs).toBeGreaterThan(100);
  });

  it("boot from volume on the raw image: volume cloned, server ACTIVE, image is \"\"", async () => {
    const res = await nova(demo, "/servers", "2.67", {
      method: "POST",
      json: { server: { name: "bfv-raw", flavorRef: "2", networks: [{ uuid: net }], block_device_mapping_v2: [
        { uuid: IMG.centos, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 10, delete_on_termination: true, volume_type: "ceph-ssd" }] } },
    });
    expect(res.status).toBe(202);
    const id = (await res.json()).server.id;
    const { last } = await pollUntil(async () => (await (await nova(demo, `/servers/${id}`, "2.67")).json()).server, (s) => s.status !== "BUILD");
    expect(last.status).toBe("ACTIVE");
    expect(last.image).toBe("");
    expect(last).not.toHaveProperty("fault");
    const att = last["os-extended-volumes:volumes_attached"];
    expect(att).toEqual([{ id: expect.any(String), delete_on_termination: true }]);
    const vol = (await (await cinder(demo, `/volumes/${att[0].id}`, "3.63")).json()).volume;
    expect(vol).toMatchObject({ status: "in-use", name: "", volume_type: "ceph-ssd", bootable: "true" });
    expect((await rbdInfo(`volumes/volume-${vol.id}`)).parent.image_name).toBe(IMG.centos);
  });

  it("boot from volume on the large foreign image outlasts Nova's 60 × 3 s wait: ERROR with Nova's fault, status creating", async () => {
    const res = await nova(demo, "/servers", "2.67", {
      method: "POST",
      json: { server: { name: "bfv-rhel", flavorRef: "3", networks: [{ uuid: net }], block_device_mapping_v2: [
        { uuid: IMG.rhel, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 30 }] } },
    });
    const id = (await res.json()).server.id;
    const { last, seen } = await pollUntil(async () => (await (await nova(demo, `/servers/${id}`, "2.1")).json()).server, (s) => s.status === "ERROR", 60_000, 100);
    expect(seen.some((s) => s["OS-EXT-STS:task_state"] === "block_device_mapping")).toBe(true);
    expect(last["OS-EXT-STS:vm_state"]).toBe("error");
    expect(last["OS-EXT-STS:task_state"]).toBeNull();
    expect(last.image).toBe("");
    expect(last.fault.code).toBe(500);
    expect(last.fault.message).toMatch(new RegExp(
      `^Build of instance ${id} aborted: Volume [0-9a-f-]{36} did not finish being created even after we waited 183 seconds or 61 attempts\\. And its status is creating\\.$`));
    expect(last.fault).not.toHaveProperty("details"); // code 500 and not admin
    const asAdmin = (await (await nova(admin, `/servers/${id}`, "2.1")).json()).server;
    expect(asAdmin["OS-EXT-SRV-ATTR:host"]).toBeNull();
    expect(asAdmin.fault.details).toContain("BuildAbortException");
    // The volume carries on after the server failed (delete_on_termination was not set).
    const volId = /Volume ([0-9a-f-]{36})/.exec(last.fault.message)![1];
    const v = await pollUntil(() => volStatus(volId), (s) => s === "available", 60_000, 100);
    expect(v.seen).toEqual(expect.arrayContaining(["creating", "downloading", "available"]));
  });

  it("the wait is configurable (retries 2 × 1 s, as measured): qcow2 BFV fails after 3 s / 3 attempts", async () => {
    await simControl("/nova-config", { block_device_allocate_retries: 2, block_device_allocate_retries_interval: 1 });
    const res = await nova(demo, "/servers", "2.1", {
      method: "POST",
      json: { server: { name: "bfv-qcow2", flavorRef: "2", networks: [{ uuid: net }], block_device_mapping_v2: [
        { uuid: IMG.ubuntu, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 5, delete_on_termination: true }] } },
    });
    const id = (await res.json()).server.id;
    const { last } = await pollUntil(async () => (await (await nova(demo, `/servers/${id}`)).json()).server, (s) => s.status === "ERROR");
    expect(last.fault.message).toMatch(/did not finish being created even after we waited 3 seconds or 3 attempts\. And its status is creating\.$/);
    // delete_on_termination: nova deletes the volume it created when the wait fails.
    const volId = /Volume ([0-9a-f-]{36})/.exec(last.fault.message)![1];
    expect((await cinder(demo, `/volumes/${volId}`)).status).toBe(404);
  });

  it("a qcow2 that qemu-img cannot read ends in error; Nova stops polling at once (status error, fewer attempts)", async () => {
    await simControl("/nova-config", { block_device_allocate_retries: 60, block_device_allocate_retries_interval: 3 });
    const img = await (await demo.call("image", "/v2/images", { method: "POST", json: { name: "broken-qcow2", disk_format: "qcow2", container_format: "bare" } })).json();
    await demo.call("image", `/v2/images/${img.id}/file`, { method: "PUT", headers: { "Content-Type": "application/octet-stream" }, body: new Uint8Array(64 * 1024 * 1024) });
    const v = await newVolume(img.id, 1);
    const { seen } = await pollUntil(() => volStatus(v.id), (s) => s === "error", 30_000, 5);
    expect(seen).not.toContain("available");
    expect(seen[seen.length - 1]).toBe("error");
    const res = await nova(demo, "/servers", "2.1", {
      method: "POST",
      json: { server: { name: "bfv-broken", flavorRef: "2", networks: [{ uuid: net }], block_device_mapping_v2: [
        { uuid: img.id, source_type: "image", destination_type: "volume", boot_index: 0, volume_size: 1 }] } },
    });
    const id = (await res.json()).server.id;
    const { last } = await pollUntil(async () => (await (await nova(demo, `/servers/${id}`)).json()).server, (s) => s.status === "ERROR");
    const m = /waited (\d+) seconds or (\d+) attempts\. And its status is error\.$/.exec(last.fault.message);
    expect(m).not.toBeNull();
    expect(Number(m![2])).toBeLessThan(61);
    expect(Number(m![1])).toBe((Number(m![2]) - 1) * 3);
  });
});
