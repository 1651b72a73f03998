import { beforeAll, describe, expect, it } from "vitest";
import { createSimState } from "../../../sim/core/state";
import { applyScenario } from "../../../sim/scenarios";
import { dashboardImage } from "../../../sim/services/ceph/dashboard-view";
import { parentData } from "../../../sim/services/ceph/rbd";
import { childIndex, rbdRepo } from "../../../sim/services/ceph/repo";
import { volumes } from "../../../sim/services/cinder/model";
import { glanceImages } from "../../../sim/services/glance/model";
import { servers } from "../../../sim/services/nova/model";
import { buildLineage } from "./build-lineage";
import { indexForest } from "./forest";
import { rbdFacts } from "./gather";
import { searchForest } from "./search";
import { filterRoots, summarizeForest } from "./summarize";
import { usageFrom, usagePolicy } from "./usage-policy";
import type { Lineage, OwnerFacts, RbdFacts } from "./types";

/**
 * The summary and tree builders over the RBD facts of the sim's `scale` scenario (1k images, 10k root disks and
 * 2.5k volumes cloned from them, 2.5k blank volumes): every RBD image as the Ceph Dashboard shows it, read the way
 * lineage reads it (omit_usage, then usage where the policy allows), with every owner alive.
 */
let lineage: Lineage;
let facts: RbdFacts[];

beforeAll(() => {
  const state = createSimState({
    dbPath: ":memory:",
    controls: false,
    adminPassword: "a",
    demoPassword: "d",
    tokenTtlSeconds: 3600,
    timeScale: 0.01,
    region: "RegionOne",
  });
  applyScenario(state, "scale");
  const repo = rbdRepo(state);
  const all = repo.all();
  const idx = childIndex(all);
  facts = all.map((img) => {
    const view = (omitUsage: boolean) =>
      dashboardImage(img, (s) => idx.get(`${img.pool}/${img.name}@${s}`) ?? [], { omitUsage, parentData: parentData(repo, img) });
    const f = rbdFacts({ ...view(true), pool_name: img.pool });
    if (usagePolicy(f) !== "read") return f;
    const u = view(false);
    return { ...f, ...usageFrom(u.total_disk_usage, u.disk_usage) };
  });
  const owners: OwnerFacts = {
    images: glanceImages(state)
      .all()
      .map((g) => ({ id: g.id, name: g.name, instanceSnapshot: false })),
    servers: new Map(
      servers(state)
        .all()
        .map((s) => [s.id, s.name]),
    ),
    volumes: volumes(state)
      .all()
      .map((v) => ({ id: v.id, name: v.name })),
  };
  lineage = buildLineage(facts, owners);
}, 120_000);

describe("lineage summary at scale", () => {
  it("one row per root image; the trees and the unrooted images account for every RBD image", () => {
    const forest = indexForest(lineage);
    const { roots, totals } = summarizeForest(forest);
    expect(facts.length).toBe(16_000);
    expect(roots).toHaveLength(1000);
    expect(totals).toMatchObject({ nodes: 16_000, trees: 1000, unrooted: 2500 });
    expect(roots.reduce((s, r) => s + r.nodes, 0) + totals.unrooted).toBe(totals.nodes);
    // 10k root disks and 2.5k volumes hang from the 900 raw images; the 100 qcow2 images have no clones.
    const sum = (k: keyof (typeof roots)[number]["children"]) => roots.reduce((s, r) => s + r.children[k], 0);
    expect([sum("root-disk"), sum("volume"), sum("instance-snapshot"), sum("other")]).toEqual([10_000, 2500, 0, 0]);
    expect(roots.filter((r) => r.nodes === 1)).toHaveLength(100);
    expect(roots.every((r) => r.deletable === (r.blockedBy === 0) && r.orphans === 0 && !r.orphan)).toBe(true);
    expect(lineage.orphans).toEqual([]);
  });

  it("each row's counts and bytes agree with the nodes of its tree", () => {
    const forest = indexForest(lineage);
    const { roots } = summarizeForest(forest);
    for (const r of roots.filter((_, i) => i % 97 === 0)) {
      const nodes = lineage.nodes.filter((n) => forest.rootOf.get(n.spec) === r.root);
      expect(r.nodes).toBe(nodes.length);
      expect(r.provisionedBytes).toBe(nodes.reduce((s, n) => s + n.provisionedBytes, 0));
      expect(r.usedBytes).toBe(nodes.reduce((s, n) => s + (n.usedBytes ?? 0), 0));
      expect(r.usedUnknown).toBe(nodes.filter((n) => n.usedBytes === null).length);
      expect(r.blockedBy).toBe(lineage.nodes.find((n) => n.spec === r.root)!.blockedBy.length);
    }
  });

  it("space: clones share their parents' data against full copies of them, for each image and the cloud", () => {
    const forest = indexForest(lineage);
    const { roots, totals } = summarizeForest(forest);
    const clones = lineage.nodes.filter((n) => n.parent);
    expect(totals.space.clones).toBe(12_500);
    expect(totals.space.fullCopyBytes).toBe(clones.reduce((s, n) => s + n.provisionedBytes, 0));
    // Every parent is a raw image whose usage the dashboard reports: the shared bytes are proven.
    expect(totals.space.certainty).toBe("proven");
    const byNode = new Map(lineage.nodes.map((n) => [n.spec, n]));
    expect(totals.space.sharedBytes).toBe(clones.reduce((s, n) => s + byNode.get(n.parent!.split("@")[0])!.usedBytes!, 0));
    const big = roots.find((r) => r.space.clones > 0)!;
    expect(big.space.clones).toBe(big.nodes - 1);
    expect(big.space.sharedBytes).toBe(big.space.clones * byNode.get(big.root)!.usedBytes!);
    expect(roots.reduce((s, r) => s + r.space.sharedBytes, 0)).toBe(totals.space.sharedBytes);
  });

  it("a tree's rows are depth-first: the root, then each clone under the snapshot it came from", () => {
    const forest = indexForest(lineage);
    const root = summarizeForest(forest).roots.find((r) => r.nodes > 10)!;
    const rows = forest.rows.get(root.root)!;
    expect(rows[0]).toMatchObject({ spec: root.root, depth: 0, via: null, children: root.nodes - 1 });
    expect(rows.slice(1).every((r) => r.depth === 1 && r.via === "snap" && r.children === 0)).toBe(true);
    expect(rows.map((r) => r.spec).slice(1)).toEqual(lineage.nodes.find((n) => n.spec === root.root)!.snapshots[0].children);
    expect(rows).toHaveLength(root.nodes);
  });

  it("search finds a clone by its RBD spec, an owner by name, and roots filter by name or id", () => {
    const forest = indexForest(lineage);
    const { roots } = summarizeForest(forest);
    const clone = forest.rows.get(roots[5].root)!.at(-1)!;
    const bySpec = searchForest(forest, clone.spec, 20);
    expect(bySpec.hits[0]).toMatchObject({ spec: clone.spec, root: roots[5].root, match: "spec" });
    const byName = searchForest(forest, "scale-vm-00042", 20);
    expect(byName.hits.map((h) => h.owner?.name)).toEqual(["scale-vm-00042"]);
    expect(byName.hits[0].root).not.toBeNull();
    expect(filterRoots(roots, "scale-image-0007").map((r) => r.label)).toEqual(["scale-image-0007"]);
    expect(filterRoots(roots, roots[3].owner!.id).map((r) => r.root)).toEqual([roots[3].root]);
    expect(searchForest(forest, "images/", 5)).toMatchObject({ total: 1000 });
  });
});
