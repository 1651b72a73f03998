import { describe, expect, it } from "vitest";
import { createAuditLog } from "../../audit/audit-log";
import { createDatabase } from "../../db/database";
import type { CephImage, CephMutation } from "../../ceph/dashboard";
import { ApiError } from "../../errors";
import { benchStateOf } from "./fanout-bench";
import { buildLineage } from "./build-lineage";
import { planFlatten } from "./plan-flatten";
import { runFlatten } from "./run-flatten";
import type { RbdFacts } from "./types";

const IMG = "11111111-1111-4111-8111-111111111111";
const SRV = ["33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444", "55555555-5555-4555-8555-555555555555"];
const parent = { pool: "images", name: IMG, snap: "snap" };
const facts = (pool: string, name: string, p: typeof parent | null): RbdFacts => ({
  pool,
  name,
  size: 100,
  used: null,
  usageNote: "not_reported",
  parent: p,
  snapshots: [],
});
const lineage = buildLineage([facts("images", IMG, null), ...SRV.map((s) => facts("vms", `${s}_disk`, parent))], {
  images: [{ id: IMG, name: "raw", instanceSnapshot: false }],
  servers: new Map(SRV.map((s) => [s, "vm"])),
  serverStatus: new Map(SRV.map((s) => [s, "ACTIVE"])),
  volumes: [],
});
const who = {
  requestId: "r",
  userId: "u",
  user: "admin",
  projectId: "p",
  project: "admin",
  source: "127.0.0.1",
  planId: "0123456789abcdef",
};

/** Ceph as far as a flatten goes: images with parents; a flatten cuts the link after `lag` reads. */
function cluster(lag = 0) {
  const images = new Map<string, CephImage>(
    SRV.map((s) => [
      `${s}_disk`,
      {
        name: `${s}_disk`,
        pool_name: "vms",
        size: 100,
        parent: { pool_name: "images", image_name: IMG, snap_name: "snap" },
        snapshots: [],
      },
    ]),
  );
  const pending = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: string[] = [];
  const ceph = {
    image: async (_pool: string, name: string) => {
      const left = pending.get(name);
      if (left !== undefined) {
        if (left <= 0) {
          images.get(name)!.parent = null;
          pending.delete(name);
          inFlight--;
        } else pending.set(name, left - 1);
      }
      return images.get(name) ?? null;
    },
    mutate: async (m: CephMutation) => {
      calls.push(`${m.op} ${m.name}`);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.set(m.name, lag);
    },
  };
  return { ceph, images, calls, max: () => maxInFlight };
}

describe("planFlatten", () => {
  it("one step per clone, with its parent to prove, and says a running disk is flattened live", () => {
    const p = planFlatten(lineage, [`vms/${SRV[0]}_disk`, `vms/${SRV[1]}_disk`], 2);
    expect(p.steps.map((s) => [s.image, s.parent, s.run?.state])).toEqual([
      [`vms/${SRV[0]}_disk`, `images/${IMG}@snap`, "running"],
      [`vms/${SRV[1]}_disk`, `images/${IMG}@snap`, "running"],
    ]);
    expect(p.notes).toEqual([
      { code: "running_flatten_io", params: { count: 2 } },
      { code: "parallel_limit", params: { parallel: 2 } },
    ]);
    expect(planFlatten(lineage, [`vms/${SRV[0]}_disk`, `vms/${SRV[1]}_disk`], 1).planId).not.toBe(p.planId);
  });
  it("refuses what is not a clone", () => {
    expect(() => planFlatten(lineage, [`images/${IMG}`], 2)).toThrowError(ApiError);
    expect(() => planFlatten(lineage, ["vms/nope"], 2)).toThrow(/not an RBD image/);
  });
});

describe("runFlatten", () => {
  // A flatten's wait between reads gives the other workers their turn, as the real timer does (the audit log's
  // writes are asynchronous: with a wait that never yields, one worker could finish before the next one starts).
  const sleep = () => new Promise<void>((r) => setTimeout(r, 5));
  it("flattens at most `parallel` at once, each audited, ok once the clone reads back without a parent", async () => {
    const c = cluster(2);
    const audit = createAuditLog(createDatabase({}));
    const p = planFlatten(
      lineage,
      SRV.map((s) => `vms/${s}_disk`),
      2,
    );
    const r = await runFlatten(p.steps, { ceph: c.ceph, audit, sleep }, who, 2);
    expect(r.map((x) => x.status)).toEqual(["ok", "ok", "ok"]);
    expect(c.max()).toBe(2);
    const entries = (await audit.list({ limit: 10 })).entries;
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.action === "lineage.flatten" && e.result === "ok")).toBe(true);
  });
  it("refuses a step whose clone no longer reads from the planned parent, and starts nothing after it", async () => {
    const c = cluster();
    c.images.get(`${SRV[0]}_disk`)!.parent = null;
    const p = planFlatten(
      lineage,
      SRV.map((s) => `vms/${s}_disk`),
      1,
    );
    const r = await runFlatten(p.steps, { ceph: c.ceph, audit: createAuditLog(createDatabase({})), sleep }, who, 1);
    expect(r.map((x) => x.status)).toEqual(["refused", "skipped", "skipped"]);
    expect(r[0].error).toEqual({ code: "parent_changed", params: { parent: null }, upstream: null });
    expect(c.calls).toEqual([]);
  });
  it("a flatten that never cuts the link is an error, not ok", async () => {
    const c = cluster(1_000_000);
    const p = planFlatten(lineage, [`vms/${SRV[0]}_disk`], 1);
    const audit = createAuditLog(createDatabase({}));
    const r = await runFlatten(p.steps, { ceph: c.ceph, audit, sleep, verifyMs: 0 }, who, 1);
    expect(r[0]).toMatchObject({ status: "error", error: { code: "still_has_parent", upstream: null } });
    expect(r[0].error?.params.parent).toMatch(/@/);
    expect((await audit.list({ limit: 10 })).entries[0].detail).toMatch(/still reads from .* after the flatten/);
  });
});

describe("benchStateOf", () => {
  const result = {
    fsid: "f-1",
    measuredAt: "2026-11-30T17:00:00Z",
    rows: [{ n: 1, cloneMBps: 100, flatMBps: 110, ratio: 0.91 }],
    parentWrite: { beforeMBps: 50, afterMBps: 30, clones: 32 },
  };
  it("measured only against the same cluster", () => {
    expect(benchStateOf(JSON.stringify(result), "f-1")).toMatchObject({ state: "measured", result: { fsid: "f-1" } });
    expect(benchStateOf(JSON.stringify(result), "f-2")).toEqual({ state: "not_measured", reason: "other_cluster" });
    expect(benchStateOf(null, "f-1")).toEqual({ state: "not_measured", reason: "no_result" });
    expect(benchStateOf("{", "f-1")).toEqual({ state: "not_measured", reason: "invalid" });
    expect(benchStateOf(JSON.stringify({ ...result, rows: [{ n: 3 }] }), "f-1")).toEqual({ state: "not_measured", reason: "invalid" });
    expect(benchStateOf(JSON.stringify(result), null)).toEqual({ state: "not_measured", reason: "ceph_unavailable" });
  });
});
