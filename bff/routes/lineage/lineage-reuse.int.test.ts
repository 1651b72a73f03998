import { describe, expect, it } from "vitest";
import { createAgent, testDeps } from "../../test/test-app";
import { onReal, target } from "../../../tests/target";

type Coverage = { read: number; calls: number; reused: number; listed: number | null; truncated: boolean };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Gathers after the shared time reuse the RBD facts an earlier gather read (RBD_FACTS_TTL_MS) and read only the
 * rest; a new volume is read and shows in its image's tree at once; a deleted one (its owner gone) is read again and
 * leaves. Both targets: a volume cloned from the raw image is made for the run and deleted in it. The shared time is
 * 1 ms here (deps.lineageSharedMs), and no gather counts as slow, so every view gathers and waits for it.
 */
describe(`lineage gathers reuse recent RBD facts (${target.name})`, () => {
  it("a refresh reads every image; the next gather reuses them; a new clone appears and a deleted one leaves", async () => {
    const deps = testDeps({ lineageSharedMs: 1, lineageSlowGatherMs: 600_000 });
    const a = createAgent(deps);
    await a.login("admin");
    const imageReads = () => deps.calls.filter((c) => c.service === "ceph" && /\/api\/block\/image\/[^?]*\?omit_usage=true/.test(c.url));
    const coverage = async (path: string): Promise<Coverage> => {
      deps.calls.length = 0;
      const res = await a.get(path);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
      return res.body.coverage;
    };
    const found = async (spec: string) => {
      const res = await a.get(`/api/admin/lineage/search?q=${encodeURIComponent(spec)}`);
      expect(res.status).toBe(200);
      return (res.body.hits as { spec: string; root: string | null }[]).find((h) => h.spec === spec);
    };

    const fresh = await coverage("/api/admin/lineage?refresh=true");
    expect(fresh).toMatchObject({ reused: 0, truncated: false });
    expect(fresh.calls).toBe(fresh.read);
    expect(imageReads()).toHaveLength(fresh.calls);
    expect(fresh.listed).toBeGreaterThan(0);

    const again = await coverage("/api/admin/lineage");
    expect(again.reused).toBeGreaterThan(0);
    expect(again.reused + again.calls).toBe(again.read);
    expect(imageReads()).toHaveLength(again.calls);
    expect(again.calls).toBeLessThan(fresh.calls);

    let volumeId: string | null = null;
    try {
      const rawId = onReal ? target.real!.images.raw : (await a.get("/api/openstack/image/images?name=centos-7-raw")).body.images[0].id;
      const created = await a.post("/api/openstack/volume/volumes", {
        volume: { name: `zenith-lineage-reuse-${Date.now().toString(36)}`, size: onReal ? 1 : 10, imageRef: rawId },
      });
      expect([200, 202]).toContain(created.status);
      volumeId = created.body.volume.id as string;
      for (let i = 0; i < 60; i++) {
        const v = await a.get(`/api/openstack/volume/volumes/${volumeId}`);
        if (v.body.volume.status === "available") break;
        await sleep(1000);
      }
      const spec = `volumes/volume-${volumeId}`;
      expect(await found(spec)).toMatchObject({ spec, root: `images/${rawId}` });

      expect((await a.request("DELETE", `/api/openstack/volume/volumes/${volumeId}`)).status).toBe(202);
      for (let i = 0; i < 60; i++) {
        if ((await a.get(`/api/openstack/volume/volumes/${volumeId}`)).status === 404) break;
        await sleep(1000);
      }
      volumeId = null;
      // Its facts are fresh, but its owner is gone: it is read again (404) instead of reused.
      expect(await found(spec)).toBeUndefined();
    } finally {
      if (volumeId) await a.request("DELETE", `/api/openstack/volume/volumes/${volumeId}`);
    }
  });
});
