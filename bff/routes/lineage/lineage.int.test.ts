import { afterAll, describe, expect, it } from "vitest";
import { resetBreakers } from "../../ceph/breaker";
import { createAgent } from "../../test/test-app";
import { onReal, onSim, simControl, target } from "../../../tests/target";

type Node = {
  spec: string;
  kind: string;
  orphan: boolean;
  owner: { name: string } | null;
  parent: string | null;
  blockedBy: string[];
  snapshots: { name: string; children: string[] }[];
};

async function admin() {
  const a = createAgent();
  await a.login("admin");
  return a;
}

describe("GET /api/admin/lineage", () => {
  it("is admin-only: a member gets 403", async () => {
    const a = createAgent();
    await a.login("demo");
    const res = await a.get("/api/admin/lineage/forest?refresh=true");
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
  });

  it("answers 502 ceph_unavailable 'registered at <url>, not answering' (not 'register it') when the dashboard is down", async () => {
    const a = createAgent({ ...createAgent().deps, ceph: { url: "http://127.0.0.1:3459/ceph", username: "admin", password: "x" } });
    await a.login("admin");
    const res = await a.get("/api/admin/lineage/forest?refresh=true");
    expect(res.status).toBe(502);
    expect(res.body.code).toBe("ceph_unavailable");
    expect(res.body.details).toMatchObject({ reason: "not_answering", url: "http://127.0.0.1:3459/ceph", cause: "ECONNREFUSED" });
    expect(res.body.message).toMatch(/registered at http:\/\/127\.0\.0\.1:3459\/ceph/);
    expect(res.body.message).not.toMatch(/Register/);
    resetBreakers();
  });

  it("rejects a cleanup body that is not pool/name with 400 naming the field", async () => {
    const a = await admin();
    const res = await a.post("/api/admin/lineage/cleanup", { orphans: ["no-slash"], dryRun: true });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/orphans/);
  });
});

// Clean-up itself runs on both targets in lineage-cleanup.int.test.ts.
describe.runIf(onSim)(
  "lineage of deleted instances' leftover disks (real tier: FakeDriver writes no disk, so no deleted instance leaves one)",
  () => {
    // Other files (sim/services/ceph/dashboard.int.test.ts) flatten and remove the seeded leftovers: start from the seed.
    beforeAll(async () => {
      await simControl("/reset", { scenario: "default" });
    });
    afterAll(async () => {
      await simControl("/reset", { scenario: "default" });
    });

    it("shows the clones of centos-7-raw and the leftovers of deleted instances as orphans", async () => {
      const a = await admin();
      const res = await a.get("/api/admin/lineage/forest?refresh=true");
      expect(res.status).toBe(200);
      const nodes = new Map<string, Node>(res.body.nodes.map((n: Node) => [n.spec, n]));
      const tree = res.body.trees.find((t: { label: string }) => t.label === "centos-7-raw");
      expect(tree).toBeTruthy();
      const centos = nodes.get(tree.root)!;
      expect(centos.kind).toBe("image");
      const kids = centos.blockedBy.map((s) => nodes.get(s)!);
      expect(kids.some((k) => k.kind === "root-disk" && k.owner?.name === "web-1")).toBe(true);
      expect(kids.some((k) => k.kind === "volume" && k.owner?.name === "centos-data")).toBe(true);
      const orphans: Node[] = res.body.orphans.map((s: string) => nodes.get(s)!);
      expect(orphans.length).toBeGreaterThanOrEqual(2);
      expect(orphans.every((o) => o.orphan && o.kind === "root-disk" && o.parent?.startsWith(`${tree.root}@`))).toBe(true);
      // The nested chain: a leftover disk's snapshot still has a clone (an instance snapshot back in images).
      const chained = orphans.find((o) => o.snapshots.some((s) => s.children.length));
      expect(chained).toBeTruthy();
      const grandchild = nodes.get(chained!.snapshots.find((s) => s.children.length)!.children[0])!;
      expect(grandchild.kind).toBe("instance-snapshot");
      expect(grandchild.owner?.name).toBe("old-web-3-snapshot");
    });
  },
);

describe.runIf(onReal)("lineage on the real tier", () => {
  it("a volume created from the raw image shows as its clone, then goes away", async () => {
    const a = await admin();
    const raw: string = target.real!.images.raw;
    const created = await a.post("/api/openstack/volume/volumes", { volume: { name: "zenith-lineage-it", size: 1, imageRef: raw } });
    expect([200, 202]).toContain(created.status);
    const id: string = created.body.volume.id;
    try {
      for (let i = 0; i < 60; i++) {
        const v = await a.get(`/api/openstack/volume/volumes/${id}`);
        if (v.body.volume.status !== "creating") break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      const res = await a.get("/api/admin/lineage/forest?refresh=true");
      expect(res.status).toBe(200);
      const node = res.body.nodes.find((n: Node) => n.spec === `volumes/volume-${id}`);
      expect(node?.parent).toMatch(new RegExp(`^images/${raw}@`));
      expect(node?.owner?.name).toBe("zenith-lineage-it");
      expect(res.body.nodes.find((n: Node) => n.spec === `images/${raw}`)?.blockedBy).toContain(`volumes/volume-${id}`);
    } finally {
      await a.request("DELETE", `/api/openstack/volume/volumes/${id}`);
    }
  });
});
