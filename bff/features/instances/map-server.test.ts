import { describe, expect, it } from "vitest";
import type { CinderVolume } from "../../openstack/cinder";
import type { NovaServer } from "../../openstack/nova";
import { toInstanceDetail, toInstanceSummary } from "./map-server";
import { INSTANCE_ACTIONS } from "./schema";

const server = (o: Partial<NovaServer> = {}): NovaServer => ({
  id: "s1",
  name: "web-1",
  status: "ACTIVE",
  created: "2026-01-02T03:04:05Z",
  "OS-EXT-STS:task_state": null,
  "OS-EXT-STS:vm_state": "active",
  image: { id: "img1" },
  flavor: { original_name: "m1.small", vcpus: 1, ram: 2048, disk: 20 },
  addresses: { "demo-net": [{ addr: "10.0.0.5", version: 4, "OS-EXT-IPS:type": "fixed" }] },
  ...o,
});

describe("toInstanceSummary", () => {
  it("names the image, the flavor and the addresses", () => {
    expect(toInstanceSummary(server(), new Map([["img1", "centos-7-raw"]]))).toEqual({
      id: "s1",
      name: "web-1",
      status: "ACTIVE",
      taskState: null,
      vmState: "active",
      image: { id: "img1", name: "centos-7-raw" },
      bootFromVolume: false,
      locked: false,
      flavor: { name: "m1.small", vcpus: 1, ramMiB: 2048, diskGiB: 20 },
      addresses: [{ network: "demo-net", addr: "10.0.0.5", version: 4, type: "fixed" }],
      created: "2026-01-02T03:04:05.000Z",
      faultMessage: null,
      faultReason: null,
      transient: false,
      actions: expect.any(Array),
    });
  });

  it('says boot from volume when Nova answers image "", and keeps an unknown image\'s id', () => {
    expect(toInstanceSummary(server({ image: "" }), new Map())).toMatchObject({ image: null, bootFromVolume: true });
    expect(toInstanceSummary(server(), new Map()).image).toEqual({ id: "img1", name: null });
  });

  it("marks a task state as transient", () => {
    expect(toInstanceSummary(server({ "OS-EXT-STS:task_state": "powering-off" }), new Map()).transient).toBe(true);
  });
});

describe("toInstanceDetail", () => {
  const vol = {
    id: "v1",
    name: "root",
    size: 40,
    status: "in-use",
    bootable: "true",
    attachments: [{ server_id: "s1", device: "/dev/vda" }],
  } as CinderVolume;

  it("keeps the fault verbatim only in ERROR", () => {
    const fault = {
      code: 500,
      message: "Build of instance s1 aborted: Volume v1 did not finish being created",
      created: "2026-01-02T03:05:00Z",
    };
    expect(toInstanceDetail(server({ status: "ERROR", fault }), new Map(), [], new Map()).fault).toEqual({
      ...fault,
      details: null,
      created: "2026-01-02T03:05:00.000Z",
    });
    expect(toInstanceDetail(server({ fault }), new Map(), [], new Map()).fault).toBeNull();
    const summary = toInstanceSummary(server({ status: "ERROR", fault }), new Map());
    expect(summary.faultMessage).toBe(fault.message);
    expect(summary.faultReason).toEqual({ code: "build_aborted", params: {} });
    expect(toInstanceSummary(server({ fault }), new Map()).faultReason).toBeNull();
  });

  it("joins Nova's attachments with Cinder's volumes", () => {
    const d = toInstanceDetail(
      server({ image: "", "os-extended-volumes:volumes_attached": [{ id: "v1", delete_on_termination: false }] }),
      new Map(),
      [{ volumeId: "v1", serverId: "s1", device: "/dev/vda" }],
      new Map([["v1", vol]]),
    );
    expect(d.volumes).toEqual([
      { id: "v1", name: "root", sizeGiB: 40, status: "in-use", device: "/dev/vda", deleteOnTermination: false, bootable: true, root: true },
    ]);
    expect(d.actions.map((a) => a.action)).toEqual([...INSTANCE_ACTIONS]);
  });

  it("still lists a volume Cinder would not show", () => {
    const d = toInstanceDetail(server(), new Map(), [{ volumeId: "v9", serverId: "s1", device: "/dev/vdb" }], new Map([["v9", null]]));
    expect(d.volumes[0]).toMatchObject({ id: "v9", name: null, device: "/dev/vdb", root: false });
  });
});
