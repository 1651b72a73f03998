import { quotaBars } from "./quota-usage";

describe("quotaBars", () => {
  it("maps each service's quota set, -1 as unlimited, and Cinder's per-type quotas that are limited or used", () => {
    const out = quotaBars(
      {
        id: "p",
        cores: { limit: 20, in_use: 2, reserved: 0 },
        instances: { limit: 10, in_use: 2, reserved: 1 },
        ram: { limit: -1, in_use: 512, reserved: 0 },
      },
      {
        id: "p",
        volumes: { limit: 10, in_use: 3 },
        gigabytes: { limit: 1000, in_use: 14 },
        volumes___DEFAULT__: { limit: -1, in_use: 3 },
        gigabytes___DEFAULT__: { limit: -1, in_use: 14 },
        snapshots___DEFAULT__: { limit: -1, in_use: 0 },
        volumes_ceph_ssd: { limit: 5, in_use: 0 },
      },
      { network: { limit: 100, used: 1, reserved: 0 }, port: { limit: 500, used: 4 } },
    );
    expect(out.compute).toEqual([
      { resource: "instances", volumeType: null, used: 2, reserved: 1, limit: 10 },
      { resource: "cores", volumeType: null, used: 2, reserved: 0, limit: 20 },
      { resource: "ram", volumeType: null, used: 512, reserved: 0, limit: null },
    ]);
    expect(out.volume.map((b) => [b.resource, b.volumeType, b.used, b.limit])).toEqual([
      ["volumes", null, 3, 10],
      ["gigabytes", null, 14, 1000],
      ["volumes", "__DEFAULT__", 3, null],
      ["gigabytes", "__DEFAULT__", 14, null],
      ["volumes", "ceph_ssd", 0, 5],
    ]);
    expect(out.network.map((b) => b.resource)).toEqual(["network", "port"]);
  });
});
