import { describe, expect, it } from "vitest";
import { buildLineage } from "./build-lineage";
import { discover } from "./discover";
import { FRESH_MS, pendingImages } from "./pending";
import { planCleanup } from "./plan-cleanup";
import type { RbdFacts } from "./types";
import { usagePolicy } from "./usage-policy";

const A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const IMG = "11111111-1111-4111-8111-111111111111";
const MiB = 2 ** 20;

const facts = (pool: string, name: string, o: Partial<RbdFacts> = {}): RbdFacts => ({
  pool,
  name,
  size: 128 * MiB,
  used: null,
  usageNote: "not_reported",
  parent: null,
  snapshots: [],
  ...o,
});
const snap = (name: string, kids: string[], size = 128 * MiB) => ({
  name,
  size,
  protected: true,
  children: kids.map((k) => ({ pool: k.split("/")[0], name: k.split("/")[1] })),
});

// images/IMG@snap → volumes/volume-A.deleted (Cinder's hidden parent) @volume-B.clone_snap → volumes/volume-B
const cluster = new Map<string, RbdFacts>([
  [`images/${IMG}`, facts("images", IMG, { snapshots: [snap("snap", [`volumes/volume-${A}.deleted`])] })],
  [
    `volumes/volume-${A}.deleted`,
    facts("volumes", `volume-${A}.deleted`, {
      parent: { pool: "images", name: IMG, snap: "snap" },
      snapshots: [snap(`volume-${B}.clone_snap`, [`volumes/volume-${B}`])],
    }),
  ],
  [
    `volumes/volume-${B}`,
    facts("volumes", `volume-${B}`, { parent: { pool: "volumes", name: `volume-${A}.deleted`, snap: `volume-${B}.clone_snap` } }),
  ],
]);

describe("discover", () => {
  it("reads each named image once and follows parents and clones from it", async () => {
    const reads: string[] = [];
    const out = await discover(
      [
        { pool: "volumes", name: `volume-${B}` },
        { pool: "images", name: "gone" },
      ],
      async (s) => {
        reads.push(`${s.pool}/${s.name}`);
        return cluster.get(`${s.pool}/${s.name}`) ?? null;
      },
      { concurrency: 2 },
    );
    expect(out.facts.map((f) => `${f.pool}/${f.name}`).sort()).toEqual([...cluster.keys()].sort());
    expect(reads.length).toBe(new Set(reads).size);
    expect(out.missing).toEqual(["images/gone"]);
    expect(out.truncated).toBe(false);
  });

  it("takes images an earlier walk read from `known`: no call, not counted towards the bound, links still followed", async () => {
    const reads: string[] = [];
    const out = await discover(
      [{ pool: "volumes", name: `volume-${B}` }],
      async (s) => {
        reads.push(`${s.pool}/${s.name}`);
        return cluster.get(`${s.pool}/${s.name}`) ?? null;
      },
      { max: 1, known: (s) => (s.pool === "volumes" ? cluster.get(`${s.pool}/${s.name}`) : undefined) },
    );
    expect(reads).toEqual([`images/${IMG}`]);
    expect(out).toMatchObject({ read: 1, reused: 2, truncated: false });
    expect(out.facts.map((f) => `${f.pool}/${f.name}`).sort()).toEqual([...cluster.keys()].sort());
  });

  it("stops at its bound and says so", async () => {
    const out = await discover([{ pool: "images", name: IMG }], async (s) => cluster.get(`${s.pool}/${s.name}`) ?? null, { max: 2 });
    expect(out.facts).toHaveLength(2);
    expect(out.truncated).toBe(true);
  });
});

describe("usagePolicy", () => {
  it("never asks for the usage of a 0-byte image or one with a 0-byte snapshot (diff_iterate aborts ceph-mgr)", () => {
    expect(usagePolicy(facts("images", IMG, { size: 0, snapshots: [snap("snap", [], 0)] }))).toBe("diff_unsafe");
    expect(usagePolicy(facts("images", IMG, { snapshots: [snap("snap", [], 0)] }))).toBe("diff_unsafe");
  });
  it("keeps a clone's usage unknown: the dashboard counts the parent's data as the clone's", () => {
    expect(usagePolicy(facts("volumes", `volume-${B}`, { parent: { pool: "images", name: IMG, snap: "snap" } }))).toBe(
      "clone_includes_parent",
    );
    expect(usagePolicy(facts("images", IMG))).toBe("read");
  });
  it("buildLineage passes unknown usage through and never substitutes the provisioned size", () => {
    const l = buildLineage([facts("volumes", `volume-${B}`, { usageNote: "clone_includes_parent" })], {
      images: [],
      servers: new Map(),
      volumes: [{ id: B, name: "b" }],
    });
    expect(l.nodes[0]).toMatchObject({ usedBytes: null, usageNote: "clone_includes_parent", provisionedBytes: 128 * MiB });
  });
});

describe("Cinder's hidden parents (volume-<id>.deleted)", () => {
  const owners = {
    images: [{ id: IMG, name: "raw", instanceSnapshot: false }],
    servers: new Map<string, string>(),
    volumes: [{ id: B, name: "b" }],
  };

  it("is a volume kept for its clones, not an orphan and not 'other'", () => {
    const l = buildLineage([...cluster.values()], owners);
    const hidden = l.nodes.find((n) => n.spec === `volumes/volume-${A}.deleted`)!;
    expect(hidden).toMatchObject({ kind: "volume", cinderDeleted: true, orphan: false, blockedBy: [`volumes/volume-${B}`] });
    expect(l.orphans).toEqual([]);
    expect(() => planCleanup(l, [hidden.spec])).toThrow(/hidden parent of volumes\/volume-bbbb/);
  });

  it("is not an orphan while its clone_snap names a live Cinder volume, even if the clone was not read", () => {
    const unread = [...cluster.values()]
      .filter((f) => f.name !== `volume-${B}`)
      .map((f) => (f.name.endsWith(".deleted") ? { ...f, snapshots: [snap(`volume-${B}.clone_snap`, [])] } : f));
    expect(buildLineage(unread, owners).orphans).toEqual([]);
  });

  it("is an orphan once its clones are proven gone", () => {
    const alone = [...cluster.values()]
      .filter((f) => f.name !== `volume-${B}`)
      .map((f) => (f.name.endsWith(".deleted") ? { ...f, snapshots: [snap(`volume-${B}.clone_snap`, [])] } : f));
    const l = buildLineage(alone, { ...owners, volumes: [] });
    expect(l.orphans).toEqual([`volumes/volume-${A}.deleted`]);
    expect(planCleanup(l, l.orphans).steps.map((s) => s.op)).toEqual(["unprotect", "delete-snapshot", "delete-image"]);
  });
});

describe("pendingImages", () => {
  const now = Date.parse("2026-01-01T00:10:00Z");
  const r = (id: string, status: string, agoMs: number) => ({
    type: "cinder" as const,
    id,
    name: id,
    status,
    createdAt: new Date(now - agoMs).toISOString(),
    spec: `volumes/volume-${id}`,
  });

  it("takes a missing image of a fresh or still-creating resource as 'not yet', and an old one as absent", () => {
    const named = [
      r("fresh", "available", 5_000),
      r("creating", "creating", 10 * FRESH_MS),
      r("old", "available", 10 * FRESH_MS),
      r("there", "available", 1_000),
    ];
    const missing = new Set(["volumes/volume-fresh", "volumes/volume-creating", "volumes/volume-old"]);
    expect(pendingImages(named, missing, now).map((p) => [p.owner.id, p.reason])).toEqual([
      ["creating", "transitional"],
      ["fresh", "fresh"],
    ]);
  });
});

describe("planCleanup and 0-byte orphans", () => {
  it("refuses to remove a 0-byte orphan through the dashboard (its delete computes usage first)", () => {
    const zero = facts("images", IMG, { size: 0, usageNote: "diff_unsafe", snapshots: [snap("snap", [], 0)] });
    const l = buildLineage([zero], { images: [], servers: new Map(), volumes: [] });
    expect(l.orphans).toEqual([`images/${IMG}`]);
    expect(() => planCleanup(l, l.orphans)).toThrow(/0-byte image/);
  });
});
