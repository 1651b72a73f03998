import { describe, expect, it } from "vitest";
import { buildLineage } from "./build-lineage";
import { planCleanup } from "./plan-cleanup";
import type { OwnerFacts, RbdFacts } from "./types";

const IMG = "11111111-1111-4111-8111-111111111111";
const SNAPIMG = "22222222-2222-4222-8222-222222222222";
const LIVE = "33333333-3333-4333-8333-333333333333";
const GONE = "44444444-4444-4444-8444-444444444444";
const GONE2 = "55555555-5555-4555-8555-555555555555";
const VOL = "66666666-6666-4666-8666-666666666666";

const img = (pool: string, name: string, parent: string | null, snaps: [string, string[]][] = [], size = 10): RbdFacts => ({
  pool,
  name,
  size,
  used: size / 2,
  usageNote: "dashboard",
  parent: parent ? { pool: parent.split("/")[0], name: parent.split("/")[1].split("@")[0], snap: parent.split("@")[1] } : null,
  snapshots: snaps.map(([n, kids]) => ({
    name: n,
    size,
    protected: true,
    children: kids.map((k) => ({ pool: k.split("/")[0], name: k.split("/")[1] })),
  })),
});

// centos → live disk, volume, gone disk (→ snapshot → instance snapshot image), gone2 disk (snapshot, no clones)
const rbd: RbdFacts[] = [
  img("images", IMG, null, [["snap", [`vms/${LIVE}_disk`, `volumes/volume-${VOL}`, `vms/${GONE}_disk`, `vms/${GONE2}_disk`]]]),
  img("vms", `${LIVE}_disk`, `images/${IMG}@snap`),
  img("volumes", `volume-${VOL}`, `images/${IMG}@snap`),
  img("vms", `${GONE}_disk`, `images/${IMG}@snap`, [["s1", [`images/${SNAPIMG}`]]]),
  img("images", SNAPIMG, `vms/${GONE}_disk@s1`, [["snap", []]]),
  img("vms", `${GONE2}_disk`, `images/${IMG}@snap`, [["s2", []]]),
];
const owners: OwnerFacts = {
  images: [
    { id: IMG, name: "centos-7-raw", instanceSnapshot: false },
    { id: SNAPIMG, name: "old-snap", instanceSnapshot: true },
  ],
  servers: new Map([[LIVE, "web-1"]]),
  volumes: [{ id: VOL, name: "data" }],
};

describe("buildLineage", () => {
  const l = buildLineage(rbd, owners);
  const node = (s: string) => l.nodes.find((n) => n.spec === s)!;

  it("builds one tree per Glance image with owners and kinds", () => {
    expect(l.trees).toEqual([{ root: `images/${IMG}`, label: "centos-7-raw" }]);
    expect(node(`vms/${LIVE}_disk`)).toMatchObject({ kind: "root-disk", orphan: false, owner: { type: "nova", name: "web-1" } });
    expect(node(`volumes/volume-${VOL}`)).toMatchObject({ kind: "volume", owner: { type: "cinder", name: "data" } });
    expect(node(`images/${SNAPIMG}`)).toMatchObject({
      kind: "instance-snapshot",
      owner: { name: "old-snap" },
      parent: `vms/${GONE}_disk@s1`,
    });
    expect(node(`images/${IMG}`).blockedBy).toHaveLength(4);
    expect(node(`images/${IMG}`)).toMatchObject({ provisionedBytes: 10, usedBytes: 5 });
  });

  it("marks the disks of deleted servers as orphans, deepest first, with the nested chain kept", () => {
    expect(l.orphans.sort()).toEqual([`vms/${GONE2}_disk`, `vms/${GONE}_disk`].sort());
    expect(node(`vms/${GONE}_disk`).orphanReason).toEqual({ code: "no_nova_server" });
    expect(node(`vms/${GONE}_disk`).blockedBy).toEqual([`images/${SNAPIMG}`]);
  });

  it("adds children known only from a clone's own parent", () => {
    const partial = rbd.map((r) => (r.name === IMG ? { ...r, snapshots: [{ name: "snap", size: 10, protected: true, children: [] }] } : r));
    expect(buildLineage(partial, owners).nodes.find((n) => n.spec === `images/${IMG}`)!.blockedBy).toHaveLength(4);
  });

  it("orders nested orphans deepest first", () => {
    const nested = buildLineage(rbd, { ...owners, images: owners.images.filter((g) => g.id !== SNAPIMG) });
    expect(nested.orphans[0]).toBe(`images/${SNAPIMG}`);
  });
});

describe("planCleanup", () => {
  const l = buildLineage(rbd, owners);

  it("flattens the clones still reading from the orphan, then unprotects, removes snapshots, removes the image", () => {
    const { steps } = planCleanup(l, [`vms/${GONE}_disk`]);
    expect(steps.map((s) => [s.op, s.image, s.snap])).toEqual([
      ["flatten", `images/${SNAPIMG}`, null],
      ["unprotect", `vms/${GONE}_disk`, "s1"],
      ["delete-snapshot", `vms/${GONE}_disk`, "s1"],
      ["delete-image", `vms/${GONE}_disk`, null],
    ]);
  });

  it("removes a selected orphan clone before its orphan parent instead of flattening it", () => {
    const nested = buildLineage(rbd, { ...owners, images: owners.images.filter((g) => g.id !== SNAPIMG) });
    const { steps } = planCleanup(nested, [`vms/${GONE}_disk`, `images/${SNAPIMG}`]);
    expect(steps.some((s) => s.op === "flatten")).toBe(false);
    expect(steps.findIndex((s) => s.op === "delete-image" && s.image === `images/${SNAPIMG}`)).toBeLessThan(
      steps.findIndex((s) => s.op === "unprotect" && s.image === `vms/${GONE}_disk`),
    );
  });

  it("refuses anything that is not an orphan, naming it", () => {
    expect(() => planCleanup(l, [`vms/${LIVE}_disk`])).toThrow(/vms\/3333.*not an orphan.*web-1/);
    expect(() => planCleanup(l, ["vms/nope"])).toThrow(/vms\/nope/);
  });

  it("gives a stable planId for the same steps, whatever the request order, and a new one when Ceph changes", () => {
    const a = planCleanup(l, [`vms/${GONE}_disk`, `vms/${GONE2}_disk`]);
    const b = planCleanup(l, [`vms/${GONE2}_disk`, `vms/${GONE}_disk`, `vms/${GONE}_disk`]);
    expect(a.planId).toMatch(/^[0-9a-f]{16}$/);
    expect(b.planId).toBe(a.planId);
    const changed = buildLineage(
      rbd.filter((r) => r.name !== SNAPIMG),
      owners,
    );
    expect(planCleanup(changed, [`vms/${GONE}_disk`, `vms/${GONE2}_disk`]).planId).not.toBe(a.planId);
  });
});
