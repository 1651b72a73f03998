import { describe, expect, it } from "vitest";
import type { CinderVolume } from "../../openstack/cinder";
import type { GlanceImage } from "../../openstack/glance";
import type { NeutronNetwork } from "../../openstack/neutron";
import { toImageSummary } from "../images/map-image";
import { toNetworkSummary } from "../networks/map-network";
import { toVolumeSummary } from "./map-volume";

describe("list mappers", () => {
  it("volume: Cinder's naive time as UTC, attachment names, source image from volume_image_metadata", () => {
    const v = {
      id: "v1",
      name: "",
      size: 20,
      status: "downloading",
      bootable: "true",
      volume_type: "ceph-ssd",
      created_at: "2026-01-02T03:04:05.123456",
      updated_at: null,
      attachments: [{ server_id: "s1", device: "/dev/vdb" }],
      volume_image_metadata: { image_id: "i1", image_name: "ubuntu", disk_format: "qcow2" },
    } as CinderVolume;
    expect(toVolumeSummary(v, new Map([["s1", "web-1"]]))).toEqual({
      id: "v1",
      name: null,
      sizeGiB: 20,
      status: "downloading",
      type: "ceph-ssd",
      bootable: true,
      attachments: [{ serverId: "s1", serverName: "web-1", device: "/dev/vdb" }],
      sourceImage: { id: "i1", name: "ubuntu", diskFormat: "qcow2" },
      created: "2026-01-02T03:04:05.123Z",
      transient: true,
    });
  });

  it("image: non-raw is copied, not cloned; unknown format says null", () => {
    const img = (o: Partial<GlanceImage>) =>
      ({
        id: "i",
        name: "x",
        status: "active",
        disk_format: "raw",
        container_format: "bare",
        size: 1,
        virtual_size: 1,
        min_disk: 0,
        min_ram: 0,
        visibility: "public",
        owner: null,
        created_at: "t",
        updated_at: "t",
        ...o,
      }) as GlanceImage;
    expect(toImageSummary(img({})).copiedNotCloned).toBe(false);
    expect(toImageSummary(img({ disk_format: "qcow2" })).copiedNotCloned).toBe(true);
    expect(toImageSummary(img({ disk_format: null, status: "queued" }))).toMatchObject({ copiedNotCloned: null, transient: true });
    expect(toImageSummary(img({ protected: true, image_type: "snapshot" }))).toMatchObject({ protected: true, snapshot: true });
  });

  it("network: subnets with CIDRs; an unreadable subnet still counts", () => {
    const n = {
      id: "n1",
      name: "demo-net",
      status: "ACTIVE",
      shared: false,
      "router:external": false,
      subnets: ["s1", "s2"],
      project_id: "p1",
      admin_state_up: true,
    } as NeutronNetwork;
    const subnets = new Map([
      [
        "s1",
        { id: "s1", name: "demo-sub", network_id: "n1", cidr: "10.0.0.0/24", ip_version: 4, gateway_ip: "10.0.0.1", enable_dhcp: true },
      ],
    ]);
    const out = toNetworkSummary(n, subnets, "p1");
    expect(out).toMatchObject({ own: true, external: false, shared: false });
    expect(out.subnets.map((s) => s.cidr)).toEqual(["10.0.0.0/24", ""]);
  });
});
