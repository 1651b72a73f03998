import { buildServerRequest, type BuildInput } from "./build-server-request";

const base = (over: Partial<BuildInput["choices"]> = {}, rest: Partial<BuildInput> = {}): BuildInput => ({
  name: "vm1",
  choices: {
    source: { type: "image", id: "img-1" },
    createVolume: true,
    deleteOnTermination: true,
    flavorId: "f1",
    networkIds: ["net-1"],
    securityGroups: ["default"],
    keyName: "k",
    count: 1,
    ...over,
  },
  volumeSizeGiB: 20,
  volumeBackedSnapshot: false,
  metadata: { zenith_boot_path: "rbd-clone-volume" },
  ...rest,
});

describe("buildServerRequest", () => {
  it("boot from a new volume: BDMv2 with integer boot_index, volume_type, and no imageRef", () => {
    const { server } = buildServerRequest(base({ volumeType: "ceph-ssd" }));
    expect(server.imageRef).toBeUndefined();
    expect(server.block_device_mapping_v2).toEqual([
      {
        boot_index: 0,
        uuid: "img-1",
        source_type: "image",
        destination_type: "volume",
        volume_size: 20,
        volume_type: "ceph-ssd",
        delete_on_termination: true,
      },
    ]);
    expect(typeof server.block_device_mapping_v2![0].boot_index).toBe("number");
    expect(server).toMatchObject({
      name: "vm1",
      flavorRef: "f1",
      networks: [{ uuid: "net-1" }],
      security_groups: [{ name: "default" }],
      key_name: "k",
      min_count: 1,
      max_count: 1,
    });
  });
  it("boot to a local disk: imageRef and no BDM", () => {
    const { server } = buildServerRequest(base({ createVolume: false }, { volumeSizeGiB: null }));
    expect(server.imageRef).toBe("img-1");
    expect(server.block_device_mapping_v2).toBeUndefined();
  });
  it("volume and volume-snapshot sources", () => {
    const vol = buildServerRequest(
      base({ source: { type: "volume", id: "v1" }, deleteOnTermination: false }, { volumeSizeGiB: null }),
    ).server;
    expect(vol.block_device_mapping_v2).toEqual([
      { boot_index: 0, uuid: "v1", source_type: "volume", destination_type: "volume", delete_on_termination: false },
    ]);
    expect(vol.imageRef).toBeUndefined();
    const snap = buildServerRequest(base({ source: { type: "volume-snapshot", id: "s1" } })).server;
    expect(snap.block_device_mapping_v2![0]).toMatchObject({
      source_type: "snapshot",
      destination_type: "volume",
      volume_size: 20,
      boot_index: 0,
    });
  });
  it("a volume-backed instance snapshot goes by imageRef so Nova expands its stored mapping", () => {
    const { server } = buildServerRequest(base({ source: { type: "instance-snapshot", id: "snapimg" } }, { volumeBackedSnapshot: true }));
    expect(server.imageRef).toBe("snapimg");
    expect(server.block_device_mapping_v2).toBeUndefined();
  });
  it("omits empty optional fields and says networks none when there are none", () => {
    const { server } = buildServerRequest(base({ networkIds: [], securityGroups: [], keyName: undefined }));
    expect(server.networks).toBe("none");
    expect(server).not.toHaveProperty("security_groups");
    expect(server).not.toHaveProperty("key_name");
  });
});
