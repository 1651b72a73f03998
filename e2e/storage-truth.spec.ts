import { execFileSync } from "node:child_process";
import { nanoid } from "nanoid";
import { realEndpoints, Scratch } from "./cloud";
import { expect, test, users } from "./fixtures";
import { LineagePage } from "./pages/LineagePage";

/**
 * Issue 20, end to end on both targets: a volume-backed instance snapshot (a 0-byte RBD image with a protected
 * snap) neither crashes ceph-mgr when Lineage opens nor passes for an image; Cinder's hidden `.deleted` parent is
 * shown as what it is.
 */
test.describe("storage facts as the real services make them", () => {
  /** Is the Ceph manager up? The sim's model of it, or the real cluster's own `ceph mgr stat`. */
  async function mgrUp(target: "sim" | "real", simUrl: string): Promise<boolean> {
    if (target === "sim") return (await (await fetch(`${simUrl}/_sim/ceph-mgr`)).json()).up === true;
    const { conf, keyring } = realEndpoints().ceph;
    const stat = JSON.parse(execFileSync("ceph", ["-c", conf, "-k", keyring, "mgr", "stat", "-f", "json"], { encoding: "utf8" }));
    return stat.available === true;
  }

  test("a volume-backed instance snapshot: listed as an instance snapshot, and Lineage opens with ceph-mgr still up", async ({
    app,
    cloud,
    seed,
    target,
    sim,
  }) => {
    test.setTimeout(240_000);
    const scratch = await Scratch.as(cloud, users.demo, "demo");
    try {
      await app.signInViaApi("demo");
      const get = async (path: string) => (await app.page.request.get(path)).json();
      const image = (await get(`/api/images?search=${seed.rawImage}`)).items.find((i: { name: string }) => i.name === seed.rawImage);
      const network = (await get(`/api/networks?search=${seed.network}`)).items.find((n: { name: string }) => n.name === seed.network);
      const boot = await app.page.request.post("/api/boot", {
        headers: { "X-Zenith-Request": "1" },
        data: {
          name: `e2e-bfv-${nanoid(5)}`,
          source: { type: "image", id: image.id },
          flavorId: seed.flavor.id,
          networkIds: [network.id],
          createVolume: true,
          deleteOnTermination: true,
        },
      });
      expect(boot.status(), await boot.text()).toBe(202);
      const serverId: string = (await boot.json()).serverId;
      scratch.track(serverId);
      await expect.poll(async () => (await get(`/api/instances/${serverId}`)).status, { timeout: 90_000 }).toBe("ACTIVE");

      // `openstack server image create`: Nova snapshots the root volume in Cinder and registers a Glance image.
      const snapName = `e2e-bfv-snap-${nanoid(5)}`;
      const s = await cloud.session(users.demo, "demo");
      const res = await fetch(`${s.endpoint("compute")}/servers/${serverId}/action`, {
        method: "POST",
        headers: { "x-auth-token": s.token, "content-type": "application/json", "OpenStack-API-Version": "compute 2.45" },
        body: JSON.stringify({ createImage: { name: snapName } }),
      });
      expect(res.status, await res.clone().text()).toBe(202);
      const snapId: string = (await res.json()).image_id;
      scratch.trackImage(snapId);
      await expect.poll(async () => (await cloud.call(s, "image", `/v2/images/${snapId}`)).status, { timeout: 60_000 }).toBe("active");

      // The wizard lists it under Instance snapshots, never as an image that "will be copied · 0 B".
      const options = await get("/api/boot/options");
      expect(options.instanceSnapshots.map((i: { id: string }) => i.id)).toContain(snapId);
      expect(options.images.map((i: { id: string }) => i.id)).not.toContain(snapId);
      const images = await get(`/api/images?search=${snapName}`);
      expect(images.items[0]).toMatchObject({ id: snapId, volumeBacked: true });

      // Lineage opens as admin, and the manager is still up afterwards.
      expect(await mgrUp(target, sim.url)).toBe(true);
      await app.signInViaApi("admin");
      const lineage = new LineagePage(app.page);
      await lineage.goto();
      await expect(lineage.heading).toHaveText("Lineage");
      await expect(await lineage.openTree(seed.rawImage)).toBeVisible();
      await expect(app.page.getByText(/Ceph Dashboard .* not answering/)).toHaveCount(0);
      expect(await mgrUp(target, sim.url)).toBe(true);
      await lineage.screenshot("lineage-with-bfv-snapshot-en");
    } finally {
      await scratch.cleanUp();
    }
  });

  test("Cinder's hidden parent: volume A, B cloned from A, A deleted → volume-A.deleted is shown as kept for B, not as an orphan", async ({
    app,
    cloud,
    seed,
  }) => {
    test.setTimeout(180_000);
    const scratch = await Scratch.as(cloud, users.demo, "demo");
    try {
      const a = await scratch.volumeFromImage(`e2e-A-${nanoid(4)}`, seed.rawImage, seed.rawVolumeGiB);
      await scratch.volumeFromVolume(`e2e-B-${nanoid(4)}`, a, seed.rawVolumeGiB);
      await scratch.deleteVolume(a);
      await app.signInViaApi("admin");
      const lineage = new LineagePage(app.page);
      await lineage.goto();
      await lineage.openTree(seed.rawImage);
      const hidden = app.page.locator(`[data-spec="volumes/volume-${a}.deleted"]`);
      await expect(async () => {
        await lineage.refresh.click();
        await expect(hidden.first()).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 60_000 });
      await expect(lineage.orphans.getByText(`volumes/volume-${a}.deleted`)).toHaveCount(0);
      await lineage.screenshot("lineage-hidden-parent-en");
    } finally {
      await scratch.cleanUp();
    }
  });
});
