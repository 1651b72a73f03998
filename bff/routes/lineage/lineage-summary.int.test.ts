import { describe, expect, it } from "vitest";
import { LineageSearchSchema, LineageSummarySchema, LineageTreeSchema } from "../../features/lineage/schema";
import { createAgent } from "../../test/test-app";
import { onReal, target } from "../../../tests/target";

type Node = {
  spec: string;
  kind: string;
  orphan: boolean;
  parent: string | null;
  blockedBy: string[];
  snapshots: { children: string[] }[];
};

/**
 * The summary, an expanded tree and search answer from the same gathered facts as the whole forest, and agree with
 * it: every root's counts, a tree's rows, the orphans; search finds a clone by its RBD spec. Both targets (on the
 * real tier a volume cloned from the raw image is made for the run and deleted after).
 */
describe(`lineage summary, trees and search agree with the full lineage (${target.name})`, () => {
  it("summary rows and an expanded tree match the forest; search finds a clone by its RBD spec", async () => {
    const a = createAgent();
    await a.login("admin");
    let volumeId: string | null = null;
    try {
      if (onReal) {
        const created = await a.post("/api/openstack/volume/volumes", {
          volume: { name: `zenith-lineage-f-${Date.now().toString(36)}`, size: 1, imageRef: target.real!.images.raw },
        });
        expect([200, 202]).toContain(created.status);
        volumeId = created.body.volume.id as string;
        for (let i = 0; i < 60; i++) {
          const v = await a.get(`/api/openstack/volume/volumes/${volumeId}`);
          if (v.body.volume.status !== "creating") break;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      const forest = await a.get("/api/admin/lineage/forest?refresh=true");
      expect(forest.status, JSON.stringify(forest.body).slice(0, 300)).toBe(200);
      const nodes = new Map<string, Node>((forest.body.nodes as Node[]).map((n) => [n.spec, n]));
      const summaryRes = await a.get("/api/admin/lineage?limit=500");
      expect(summaryRes.status).toBe(200);
      const summary = LineageSummarySchema.parse(summaryRes.body);
      expect(summary.roots.total).toBe(forest.body.trees.length);
      expect(summary.totals.nodes).toBe(nodes.size);
      expect(summary.orphans.map((o) => o.spec)).toEqual(forest.body.orphans);
      expect(summary.coverage).toEqual(forest.body.coverage);

      const descendants = (root: string) => {
        const out: string[] = [];
        const walk = (spec: string) => {
          out.push(spec);
          for (const s of nodes.get(spec)?.snapshots ?? []) for (const c of s.children) if (nodes.has(c)) walk(c);
        };
        walk(root);
        return out;
      };
      for (const r of summary.roots.items) {
        const specs = descendants(r.root);
        expect(r.nodes, r.root).toBe(specs.length);
        expect(r.orphans, r.root).toBe(specs.filter((s) => nodes.get(s)!.orphan).length);
        expect(r.blockedBy, r.root).toBe(nodes.get(r.root)!.blockedBy.length);
        expect(
          r.children.volume + r.children["root-disk"] + r.children["instance-snapshot"] + r.children.other + r.children.image,
          r.root,
        ).toBe(specs.length - 1);
      }

      // The biggest tree, expanded: its rows are exactly the forest's nodes under that root, parents before children.
      const big = [...summary.roots.items].sort((x, y) => y.nodes - x.nodes)[0];
      const treeRes = await a.get(`/api/admin/lineage/tree?root=${encodeURIComponent(big.root)}`);
      expect(treeRes.status).toBe(200);
      const tree = LineageTreeSchema.parse(treeRes.body);
      expect(tree.gatheredAt).toBe(summary.gatheredAt);
      expect(tree.rows.map((r) => r.spec).sort()).toEqual(descendants(big.root).sort());
      const at = new Map(tree.rows.map((r, i) => [r.spec, i]));
      for (const r of tree.rows.slice(1)) {
        const parent = nodes.get(r.spec)!.parent!.split("@")[0];
        expect(at.get(parent)!, r.spec).toBeLessThan(at.get(r.spec)!);
        expect(r.depth).toBe(tree.rows[at.get(parent)!].depth + 1);
      }

      // Search by a clone's RBD spec: the clone, with the root of its tree.
      const clone = volumeId ? `volumes/volume-${volumeId}` : tree.rows.find((r) => r.depth > 0)!.spec;
      const searchRes = await a.get(`/api/admin/lineage/search?q=${encodeURIComponent(clone)}`);
      expect(searchRes.status).toBe(200);
      const found = LineageSearchSchema.parse(searchRes.body);
      expect(found.hits[0]).toMatchObject({ spec: clone, match: "spec" });
      expect(found.hits[0].root).toBe(volumeId ? `images/${target.real!.images.raw}` : big.root);
      const unknownRoot = await a.get("/api/admin/lineage/tree?root=images/no-such-image");
      expect(unknownRoot.status).toBe(404);
    } finally {
      if (volumeId) await a.request("DELETE", `/api/openstack/volume/volumes/${volumeId}`);
    }
  });
});
