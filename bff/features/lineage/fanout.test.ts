import { describe, expect, it } from "vitest";
import { buildLineage } from "./build-lineage";
import { chainDepths, fanoutOf, inParentOf } from "./fanout";
import { adviseFlatten } from "./flatten-advice";
import type { OwnerFacts, RbdFacts } from "./types";

const id = (n: number) => `${String(n).padStart(8, "0")}-1111-4111-8111-111111111111`;
const IMG = id(1);
const [RUN1, RUN2, STOP, CELL, ERR] = [id(11), id(12), id(13), id(14), id(15)];
const [VOL_ON, VOL_OFF] = [id(21), id(22)];
const GiB = 1024 ** 3;

const img = (
  pool: string,
  name: string,
  parent: string | null,
  o: { snaps?: [string, string[]][]; size?: number; used?: number | null } = {},
): RbdFacts => ({
  pool,
  name,
  size: o.size ?? 10 * GiB,
  used: o.used === undefined ? null : o.used,
  usageNote: o.used == null ? (parent ? "clone_includes_parent" : "not_reported") : "dashboard",
  parent: parent ? { pool: parent.split("/")[0], name: parent.split("/")[1].split("@")[0], snap: parent.split("@")[1] } : null,
  snapshots: (o.snaps ?? []).map(([n, kids]) => ({
    name: n,
    size: o.size ?? 10 * GiB,
    protected: true,
    children: kids.map((k) => ({ pool: k.split("/")[0], name: k.split("/")[1] })),
  })),
});

const disk = (s: string) => `vms/${s}_disk`;
const PARENT = `images/${IMG}@snap`;
// The raw image: 2 running disks (one with its own usage read), a stopped one, one in a down cell, one in ERROR,
// a volume attached to a running server and a detached one. The stopped disk has a clone of its own (a chain).
const rbd: RbdFacts[] = [
  img("images", IMG, null, {
    used: 4 * GiB,
    snaps: [["snap", [disk(RUN1), disk(RUN2), disk(STOP), disk(CELL), disk(ERR), `volumes/volume-${VOL_ON}`, `volumes/volume-${VOL_OFF}`]]],
  }),
  img("vms", `${RUN1}_disk`, PARENT, { used: 7 * GiB }),
  img("vms", `${RUN2}_disk`, PARENT),
  img("vms", `${STOP}_disk`, PARENT, { snaps: [["s1", [`volumes/volume-${VOL_OFF}x`]]] }),
  img("vms", `${CELL}_disk`, PARENT),
  img("vms", `${ERR}_disk`, PARENT),
  img("volumes", `volume-${VOL_ON}`, PARENT, { size: 20 * GiB }),
  img("volumes", `volume-${VOL_OFF}`, PARENT),
];
const owners: OwnerFacts = {
  images: [{ id: IMG, name: "zenith-raw", instanceSnapshot: false }],
  servers: new Map([RUN1, RUN2, STOP, CELL, ERR].map((s) => [s, s.slice(0, 8)])),
  serverStatus: new Map([
    [RUN1, "ACTIVE"],
    [RUN2, "ACTIVE"],
    [STOP, "SHUTOFF"],
    [CELL, "UNKNOWN"],
    [ERR, "ERROR"],
  ]),
  volumes: [
    { id: VOL_ON, name: "on", status: "in-use", attachedTo: [RUN2] },
    { id: VOL_OFF, name: "off", status: "available", attachedTo: [] },
  ],
};

describe("fanoutOf", () => {
  const lineage = buildLineage(rbd, owners);
  const limits = { maxRunningClones: 2, maxParentBytes: 100 * GiB, parallelFlattens: 2 };
  const [row] = fanoutOf(lineage, limits);

  it("splits the clones by owner state: unknown (down cell, ERROR) is never counted as stopped", () => {
    expect(row.parent).toBe(PARENT);
    expect(row.direct).toEqual({ total: 7, running: 3, stopped: 2, unknown: 2 });
    const state = (s: string) => row.clones.find((c) => c.spec === s)?.run;
    expect(state(disk(CELL))).toMatchObject({ state: "unknown", certainty: "unknown", status: "UNKNOWN" });
    expect(state(disk(ERR))).toMatchObject({ state: "unknown", status: "ERROR" });
    expect(state(disk(STOP))).toMatchObject({ state: "stopped", certainty: "proven", status: "SHUTOFF" });
    expect(state(`volumes/volume-${VOL_ON}`)).toMatchObject({ state: "running", reason: "volume_attached" });
    expect(state(`volumes/volume-${VOL_OFF}`)).toMatchObject({ state: "stopped", reason: "volume_detached" });
  });

  it("bytes in the parent: an estimate from the clone's own usage, else bounded by the parent's used bytes", () => {
    const c = (s: string) => row.clones.find((x) => x.spec === s)!;
    expect(c(disk(RUN1)).inParent).toEqual({ bytes: 3 * GiB, basis: "estimate" });
    expect(c(disk(RUN2)).inParent).toEqual({ bytes: 4 * GiB, basis: "upper_bound" });
    // The running clones' sum is as certain as its least certain part.
    expect(row.runningInParent).toEqual({ bytes: 11 * GiB, basis: "upper_bound" });
    expect(row.clones.slice(0, 3).map((x) => x.run.state)).toEqual(["running", "running", "running"]);
    expect(row.over).toEqual({ runningClones: true, parentBytes: false });
  });

  it("unknown where neither the clone's nor the parent's usage is known", () => {
    expect(inParentOf({ provisionedBytes: 10, usedBytes: null, usageNote: "clone_includes_parent" }, null)).toEqual({
      bytes: null,
      basis: "unknown",
    });
    expect(inParentOf({ provisionedBytes: 10, usedBytes: 12, usageNote: "dashboard" }, null)).toEqual({ bytes: 0, basis: "estimate" });
  });

  it("follows chains: a clone of a clone is counted under the first parent and has its own row", () => {
    const chain = [...rbd.slice(0, 3), img("vms", `${STOP}_disk`, PARENT, { snaps: [["s1", [disk(RUN2)]]] })];
    chain[2] = img("vms", `${RUN2}_disk`, `vms/${STOP}_disk@s1`);
    chain[0] = img("images", IMG, null, { used: 4 * GiB, snaps: [["snap", [disk(RUN1), disk(STOP)]]] });
    const l = buildLineage(chain, owners);
    const rows = fanoutOf(l, limits);
    const top = rows.find((r) => r.parent === PARENT)!;
    expect(top.direct.total).toBe(2);
    expect(top.indirect).toMatchObject({ total: 1, running: 1, maxDepth: 2 });
    const mid = rows.find((r) => r.parent === `${disk(STOP)}@s1`)!;
    expect(mid).toMatchObject({ parentDepth: 1, kind: "root-disk" });
    expect(mid.clones[0]).toMatchObject({ spec: disk(RUN2), chainDepth: 2 });
    // Sorted by what running clones read: the image (3 GiB estimate) before the stopped disk's snapshot (unknown: 0).
    expect(rows[0].parent).toBe(PARENT);
    const depth = chainDepths(new Map(l.nodes.map((n) => [n.spec, n])));
    expect([depth(`images/${IMG}`), depth(disk(STOP)), depth(disk(RUN2))]).toEqual([0, 1, 2]);
  });

  it("advises flattening the busiest running clones until within the limits, with the cost", () => {
    const a = adviseFlatten(row, limits, { bytesPerSecond: { p50: 100 * 1024 ** 2, p90: 50 * 1024 ** 2 } })!;
    // 3 running, limit 2: the one with the most bytes in the parent goes (the attached 20 GiB volume, bounded by 4 GiB).
    expect(a.clones).toHaveLength(1);
    expect(a.bytesToCopy).toEqual({ bytes: 4 * GiB, basis: "upper_bound" });
    expect(a.seconds).toEqual({ p50: 41, p90: 81.9 });
    expect(a.runningFlattens).toBe(1);
    expect(a.spaceAfterBytes).toBe(row.clones.find((c) => c.spec === a.clones[0])!.provisionedBytes);
    expect(a.timeUnknown).toBeNull();
    expect(adviseFlatten(row, { ...limits, maxRunningClones: 3 }, { bytesPerSecond: { p50: 1, p90: 1 } })).toBeNull();
  });

  it("without a throughput (its read failed) the time is unknown, saying why, and the rest of the advice stands", () => {
    const known = adviseFlatten(row, limits, { bytesPerSecond: { p50: GiB, p90: GiB } })!;
    const a = adviseFlatten(row, limits, null)!;
    expect(a.seconds).toBeNull();
    expect(a.timeUnknown).toBe("throughput_unavailable");
    const { seconds: _s, timeUnknown: _u, ...rest } = a;
    const { seconds: _ks, timeUnknown: _ku, ...knownRest } = known;
    expect(rest).toEqual(knownRest);
  });

  it("above the bytes limit alone, flattens until the bytes still read fit", () => {
    const tight = { maxRunningClones: 50, maxParentBytes: 5 * GiB, parallelFlattens: 1 };
    const [r] = fanoutOf(lineage, tight);
    expect(r.over).toEqual({ runningClones: false, parentBytes: true });
    const a = adviseFlatten(r, tight, { bytesPerSecond: { p50: GiB, p90: GiB } })!;
    // 11 GiB read: 4 (volume) + 4 (RUN2) leave 3 ≤ 5.
    expect(a.clones).toHaveLength(2);
    expect(a.bytesToCopy.bytes).toBe(8 * GiB);
    expect(a).toMatchObject({ parallel: 1, seconds: { p50: 8, p90: 8 } });
  });
});
