/**
 * Shape conformance of Nova, Glance, Cinder and the Ceph Dashboard against the upstream samples in
 * sim/test/samples/{nova,glance,cinder,ceph}: same keys recursively, same JSON types. Free-form maps
 * (metadata, extra_specs, addresses keyed by network name, image properties) are compared as maps only.
 * Runs on both targets on what it creates: a small raw image, two servers booted from it on the shared network,
 * an empty volume attached to one of them and a volume cloned from the image; all removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { compareShape } from "../../test/shape";
import { cephLogin, cinder, glance, nova, pollUntil, sample, setAt } from "../../test/storage-helpers";
import { Cleanup, uniqueName } from "../../test/fixtures";

const FREE_FORM = [
  "server.metadata",
  "servers[].metadata",
  "server.flavor.extra_specs",
  "servers[].flavor.extra_specs",
  "flavor.extra_specs",
  "flavors[].extra_specs",
  "servers[].scheduler_hints",
  "servers[].image.properties",
  "volumes[].metadata",
  "volume.metadata",
  "volumes[].volume_image_metadata",
];
/** Empties free-form maps and renames the single addresses key, on sample and response alike. */
function normalize(x: any): any {
  const y = structuredClone(x);
  for (const p of FREE_FORM) setAt(y, p, {});
  for (const p of ["server.addresses", "servers[].addresses"])
    setAt(y, p, (a: Record<string, unknown>) => ({ net: Object.values(a)[0] ?? [] }));
  return y;
}
const conform = (sampleBody: unknown, actual: unknown, opts: Parameters<typeof compareShape>[2] = {}) =>
  expect(compareShape(normalize(sampleBody), normalize(actual), opts)).toEqual([]);

/** Keys that newer microversions than the target's maximum add to the 2.100 sample (the real tier runs Zed: 2.93). */
const AFTER_ZED: Record<string, string> = {
  "servers[].pinned_availability_zone": "2.96, after Zed's 2.93",
  "servers[].scheduler_hints": "2.100, after Zed's 2.93",
  "servers[].image.properties": "2.98, after Zed's 2.93",
};

describe("storage services match the upstream samples", () => {
  let admin: OsSession, demo: OsSession;
  const cleanup = new Cleanup();
  const P = uniqueName("shape");
  let image: { id: string }, flavor: { id: string }, vm1: string, maxMv: string;

  const boot = async (name: string, net: string) => {
    const res = await nova(demo, "/servers", "2.67", {
      method: "POST",
      json: { server: { name, flavorRef: flavor.id, imageRef: image.id, networks: [{ uuid: net }] } },
    });
    expect(res.status).toBe(202);
    const body = await res.json();
    cleanup.add(`server ${name}`, async () => {
      await nova(demo, `/servers/${body.server.id}`, "2.1", { method: "DELETE" });
      await pollUntil(
        async () => (await nova(demo, `/servers/${body.server.id}`)).status,
        (st) => st === 404,
        120_000,
        250,
      );
    });
    return body;
  };
  const until = async (what: string, fn: () => Promise<string>, want: string) => {
    const { last } = await pollUntil(fn, (v) => v === want || v === "ERROR" || v === "error", 120_000, 200);
    expect(last, what).toBe(want);
  };
  const serverStatus = async (id: string) => (await (await nova(demo, `/servers/${id}`)).json()).server.status as string;
  const volumeStatus = async (id: string) => (await (await cinder(demo, `/volumes/${id}`)).json()).volume.status as string;
  const newVolume = async (volume: Record<string, unknown>, mv = "3.0") => {
    const res = await cinder(demo, "/volumes", mv, { method: "POST", json: { volume } });
    expect(res.status).toBe(202);
    const created = await res.clone().json();
    cleanup.add(`volume ${volume.name}`, async () => {
      await cinder(demo, `/volumes/${created.volume.id}`, "3.0", { method: "DELETE" });
      await pollUntil(
        async () => (await cinder(demo, `/volumes/${created.volume.id}`)).status,
        (st) => st === 404,
        120_000,
        250,
      );
    });
    return res;
  };

  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    maxMv = (await (await nova(demo, "/")).json()).version.version;
    const img = await (
      await glance(demo, "/v2/images", { method: "POST", json: { name: `${P}-raw`, disk_format: "raw", container_format: "bare" } })
    ).json();
    cleanup.add(`image ${P}-raw`, () => glance(demo, `/v2/images/${img.id}`, { method: "DELETE" }));
    expect(
      (
        await glance(demo, `/v2/images/${img.id}/file`, {
          method: "PUT",
          headers: { "Content-Type": "application/octet-stream" },
          body: new Uint8Array(1024 * 1024),
        })
      ).status,
    ).toBe(204);
    image = img;
    const flavors = (await (await nova(demo, "/flavors/detail")).json()).flavors as { id: string; ram: number }[];
    flavor = flavors.sort((a, b) => a.ram - b.ram)[0];
    const shared = (await (await demo.call("network", "/v2.0/networks?shared=true")).json()).networks as {
      id: string;
      subnets: string[];
    }[];
    const net = shared.find((n) => n.subnets.length > 0);
    expect(net, "needs a shared network with a subnet").toBeDefined();
    vm1 = (await boot(`${P}-vm1`, net!.id)).server.id;
    await boot(`${P}-vm2`, net!.id);
    await until("vm1 ACTIVE", () => serverStatus(vm1), "ACTIVE");
  });
  afterAll(() => cleanup.run());

  it("nova: version document (v21-version-get-resp.json)", async () => {
    const res = await nova(admin, "/");
    conform(sample("nova/version-v2.1-resp.json"), await res.json(), {
      allowExtra: {
        "version.links[].type": "the comparator checks every link against the sample's first; its describedby link has type too",
      },
    });
  });

  it("nova: admin GET /servers/{id} at 2.1 (server-get-resp.json)", async () => {
    conform(sample("nova/servers-get-v2.1-admin-resp.json"), await (await nova(admin, `/servers/${vm1}`, "2.1")).json());
  });

  it("nova: admin GET /servers/{id} at 2.47 (v2.47/server-get-resp.json)", async () => {
    conform(sample("nova/servers-get-v2.47-resp.json"), await (await nova(admin, `/servers/${vm1}`, "2.47")).json());
  });

  it("nova: GET /servers/detail at the target's maximum (2.100 on the sim) as a project member (v2.100/servers-details-resp.json)", async () => {
    // Precondition stated: the sim serves up to 2.100; the real tier runs Zed, whose maximum the version document gives.
    expect(maxMv).toBe(onSim ? "2.100" : "2.93");
    const body = await (await nova(demo, `/servers/detail?limit=1&name=${P}-vm1`, maxMv)).json();
    expect(body.servers).toHaveLength(1);
    const withNext = await (await nova(demo, `/servers/detail?limit=1&name=${P}-vm`, maxMv)).json();
    expect(withNext.servers_links[0].rel).toBe("next");
    conform(sample("nova/servers-detail-v2.100-resp.json"), withNext, { allowMissing: onSim ? {} : AFTER_ZED });
  });

  it("nova: flavors at 2.75 and the newest (flavor-get-resp.json, flavors-detail-resp.json)", async () => {
    conform(sample("nova/flavor-get-v2.75-resp.json"), await (await nova(demo, `/flavors/${flavor.id}`, "2.75")).json(), {
      allowMissing: { "flavor.description": "" },
    });
    // The sim's maximum is 2.100 (issue 3), Zed's 2.93; 2.102 only drops two keys, which both still carry.
    const detail = await (await nova(demo, "/flavors/detail", maxMv)).json();
    conform(sample("nova/flavors-detail-v2.102-resp.json"), detail, {
      allowExtra: {
        "flavors[].rxtx_factor": "removed in 2.102, present before",
        "flavors[].OS-FLV-DISABLED:disabled": "removed in 2.102, present before",
      },
    });
    const old = await (await nova(demo, `/flavors/${flavor.id}`, "2.1")).json();
    expect(old.flavor.swap).toBe("");
    expect(old.flavor).not.toHaveProperty("description");
  });

  it("nova: POST /servers at 2.67 (v2.67/server-create-resp.json) and volume attachments at 2.89", async () => {
    const net = (await (await nova(demo, `/servers/${vm1}`)).json()).server.addresses;
    expect(Object.keys(net)).toHaveLength(1);
    const shared = (await (await demo.call("network", `/v2.0/networks?name=${Object.keys(net)[0]}`)).json()).networks[0].id;
    conform(sample("nova/servers-create-v2.67-resp.json"), await boot(`${P}-vm3`, shared));
    // On both targets this file attaches an empty volume of its own (the sim's Nova answers POST os-volume_attachments).
    const holder = vm1;
    {
      const vol = (await (await newVolume({ size: 1, name: `${P}-att` })).json()).volume;
      await until("attachable volume", () => volumeStatus(vol.id), "available");
      const att = await nova(demo, `/servers/${vm1}/os-volume_attachments`, "2.79", {
        method: "POST",
        json: { volumeAttachment: { volumeId: vol.id, delete_on_termination: false } },
      });
      expect(att.status).toBe(200);
      cleanup.add(`detach ${P}-att`, async () => {
        await nova(demo, `/servers/${vm1}/os-volume_attachments/${vol.id}`, "2.1", { method: "DELETE" });
        await pollUntil(
          () => volumeStatus(vol.id),
          (st) => st === "available",
          120_000,
          250,
        );
      });
      await until("attached volume", () => volumeStatus(vol.id), "in-use");
    }
    const list = await (await nova(demo, `/servers/${holder}/os-volume_attachments`, "2.89")).json();
    expect(list.volumeAttachments).toHaveLength(1);
    conform(sample("nova/volume-attachments-v2.89-resp.json"), list);
  });

  it("glance: GET /v2/images (images-list-response.json) and an admin's view of an image", async () => {
    const list = await (await glance(demo, `/v2/images?name=${P}-raw`)).json();
    expect(list.images).toHaveLength(1);
    // Precondition stated: the real tier's Glance shows direct_url to the owner too and runs multi-store (stores).
    conform(sample("glance/images-list-response.json"), list, {
      allowExtra: onSim
        ? {}
        : {
            "images[].direct_url": "show_image_direct_url on the real tier, shown to the owner",
            "images[].stores": "multi-store (enabled_backends) on the real tier",
          },
    });
    const shown = await (await glance(admin, `/v2/images/${image.id}`)).json();
    conform(sample("glance/images-list-response.json").images[0], shown, {
      allowExtra: Object.fromEntries([
        ["direct_url", "show_image_direct_url"],
        ["locations", "show_multiple_locations (admin)"],
        ["stores", "multi-store"],
      ]),
    });
    // Precondition stated: the sim models show_multiple_locations; the real tier sets show_image_direct_url only.
    if (onSim) expect(compareShape(sample("glance/locations-list-response.json"), shown.locations)).toEqual([]);
    else expect(shown).not.toHaveProperty("locations");
  });

  it("cinder: version document, create at 3.69, detail with volume_image_metadata", async () => {
    // Cinder lists its versions at its root (the real tier: /v3/ needs a token); the sim serves the list under its endpoint.
    const versionsUrl = onSim ? `${admin.endpoint("volumev3")}/` : `${admin.endpoint("volumev3").replace(/\/v3(\/.*)?$/, "")}/`;
    conform(sample("cinder/versions-response.json"), await (await fetch(versionsUrl)).json(), {
      allowMissing: {
        "versions[].links[].type": "the comparator checks every link against the sample's first (describedby); the self link has no type",
      },
    });
    const res = await newVolume({ size: 1, name: `${P}-vol` }, "3.69");
    expect(res.headers.get("OpenStack-API-Version")).toBe("volume 3.69");
    conform(sample("cinder/volume-create-v3.69-response.json"), await res.json(), {
      allowMissing: {
        "volume.provider_id": "admin only (3.21)",
        "volume.cluster_name": "admin only (3.61)",
        "volume.migration_status": "admin only in Zed's volume view (the sample is an admin's); seen on the real tier",
      },
    });
    const boot = (await (await newVolume({ size: 1, name: `${P}-boot`, imageRef: image.id })).json()).volume;
    await until("volume from image", () => volumeStatus(boot.id), "available");
    const detail = await (await cinder(admin, `/volumes/detail?all_tenants=1&limit=1&bootable=true&name=${P}-boot`, "3.0")).json();
    expect(detail.volumes).toHaveLength(1);
    expect(detail.volumes[0].volume_image_metadata).toBeDefined();
    // The v2 sample's two volumes differ (only the second has volume_image_metadata): compare with their union.
    const s2 = sample("cinder/volumes-detail-v2-with-image-metadata-response.json");
    s2.volumes = [{ ...s2.volumes[1], ...s2.volumes[0], volume_image_metadata: s2.volumes[1].volume_image_metadata }];
    conform(s2, detail, {
      allowMissing: onSim
        ? { volumes_links: "Cinder links a next page whenever a page is full (so on the real tier); the sim only when more remain" }
        : {},
      allowExtra: {
        "volumes[].attachments[].attached_at": "cinder's attachment view has attached_at",
        "volumes[].updated_at": "in every cinder detail view (see the v3.69 sample); this 2015 v2 sample lacks it",
      },
    });
  });

  it("ceph dashboard: GET /api/block/image v2.0 (dashboard-block-image-v2-response.json)", async () => {
    const ceph = await cephLogin(admin);
    // mgr/dashboard caches the list for a few seconds; wait until it shows this file's image and its clone.
    const list = async () =>
      (await ceph("/api/block/image?limit=-1", { version: "2.0" })).json() as Promise<{ pool_name: string; value: { name: string }[] }[]>;
    const { last: body } = await pollUntil(list, (b) => b.some((p) => p.value.some((i) => i.name === image.id)), 60_000, 500);
    expect(body.map((p) => p.pool_name)).toEqual(expect.arrayContaining(["images", "volumes"]));
    // Precondition stated: the sim's default scenario has images in all three pools.
    if (onSim) expect(body.length).toBe(3);
    conform(sample("ceph/dashboard-block-image-v2-response.json"), body);
  });
});
