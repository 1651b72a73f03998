/**
 * Lineage clean-up, the one feature that deletes data, executed on both targets. The orphans are made behind
 * OpenStack's back (rbd clone on the real tier, the dashboard on the sim: bff/test/rbd-fixture.ts) as clones of
 * the target's raw Glance image, named like the root disk of a Nova server that does not exist.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "../../test/test-app";
import { rbdFixture, type RbdFixture } from "../../test/rbd-fixture";
import { onSim, simControl, target } from "../../../tests/target";
import { stableUuid } from "../../../sim/scenarios/network";

type Node = {
  spec: string;
  orphan: boolean;
  orphanReason: { code: string } | null;
  parent: string | null;
  snapshots: { name: string; protected: boolean; children: string[] }[];
};
type Step = { op: string; image: string; snap: string | null };
type Result = { index: number; status: string; error: string | null };

const RAW = onSim ? stableUuid("image", "centos-7-raw") : (target.real!.images.raw as string);
const PARENT = `images/${RAW}@snap`;
/** vms/<uuid>_disk for a server id Nova never had: orphanReason { code: "no_nova_server" }. */
const leftoverDisk = () => `vms/${randomUUID()}_disk`;

async function admin() {
  const a = createAgent();
  await a.login("admin");
  return a;
}
type Agent = Awaited<ReturnType<typeof admin>>;
const lineage = async (a: Agent) => {
  const res = await a.get("/api/admin/lineage/forest?refresh=true");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { nodes: new Map<string, Node>(res.body.nodes.map((n: Node) => [n.spec, n])), orphans: res.body.orphans as string[] };
};
const dryRun = (a: Agent, orphans: string[]) => a.post("/api/admin/lineage/cleanup", { orphans, dryRun: true });
const execute = (a: Agent, orphans: string[], planId: string) => a.post("/api/admin/lineage/cleanup", { orphans, dryRun: false, planId });
/** "<op> <result>" for each audited step on this orphan, sorted (the log lists newest first). */
type AuditEntry = { target: string; step: string; result: string; detail: string | null };
const auditOf = async (a: Agent, orphan: string) =>
  ((await a.get("/api/admin/audit?action=lineage.cleanup")).body.entries as { target: string; step: string; result: string }[])
    .filter((e) => e.target === orphan)
    .map((e) => `${e.step.split(" ")[0]} ${e.result}`)
    .sort();

describe(`lineage clean-up executed on the ${target.name} target`, () => {
  let rbd: RbdFixture;
  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" });
    rbd = rbdFixture();
  });
  afterAll(async () => {
    await rbd.cleanup();
  });

  it("an orphan made with rbd clone (a snapshot with a clone of its own) is planned, executed step by step, and gone from rbd ls", async () => {
    const orphan = leftoverDisk(),
      clone = leftoverDisk();
    await rbd.clone(PARENT, orphan);
    await rbd.snap(orphan, "zt-a-s1", true);
    await rbd.clone(`${orphan}@zt-a-s1`, clone);
    const a = await admin();

    const before = await lineage(a);
    expect(before.orphans).toContain(orphan);
    expect(before.nodes.get(orphan)).toMatchObject({
      parent: PARENT,
      orphanReason: { code: "no_nova_server" },
    });
    expect(before.nodes.get(orphan)!.snapshots).toEqual([expect.objectContaining({ name: "zt-a-s1", protected: true, children: [clone] })]);

    const dry = await dryRun(a, [orphan]);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.steps.map((s: Step) => [s.op, s.image, s.snap])).toEqual([
      ["flatten", clone, null],
      ["unprotect", orphan, "zt-a-s1"],
      ["delete-snapshot", orphan, "zt-a-s1"],
      ["delete-image", orphan, null],
    ]);
    expect((await dryRun(a, [orphan])).body.planId).toBe(dry.body.planId);
    expect(await rbd.exists(orphan)).toBe(true); // a dry run changes nothing

    const run = await execute(a, [orphan], dry.body.planId);
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(
      run.body.results.map((r: Result) => r.status),
      JSON.stringify(run.body.results),
    ).toEqual(["ok", "ok", "ok", "ok"]);
    expect(run.body.ok).toBe(true);
    expect(await rbd.exists(orphan)).toBe(false);
    expect(await rbd.exists(clone)).toBe(true); // flattened, not removed: it was not asked for
    const after = await lineage(a);
    expect(after.nodes.has(orphan)).toBe(false);
    expect(await rbd.parent(clone)).toBeNull();
    expect(after.nodes.has(clone)).toBe(false); // nothing links to it any more
    expect(await auditOf(a, orphan)).toEqual(["delete-image ok", "delete-snapshot ok", "flatten ok", "unprotect ok"]);

    // The confirmed plan is spent: the orphan is no RBD image any more.
    const again = await execute(a, [orphan], dry.body.planId);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("not_orphan");
  });

  it("a step that fails half-way (unprotect of a snapshot a trashed clone still holds) stops the run: nothing after it runs", async () => {
    const orphan = leftoverDisk(),
      hidden = leftoverDisk();
    await rbd.clone(PARENT, orphan);
    await rbd.snap(orphan, "zt-a-s0", false);
    await rbd.snap(orphan, "zt-a-s1", true);
    await rbd.clone(`${orphan}@zt-a-s1`, hidden);
    // In the trash the clone leaves the snapshot's children list (the dashboard shows none) but keeps it busy.
    await rbd.trash(hidden);
    const a = await admin();
    expect((await lineage(a)).nodes.get(orphan)!.snapshots.map((s) => [s.name, s.children])).toEqual([
      ["zt-a-s0", []],
      ["zt-a-s1", []],
    ]);

    const dry = await dryRun(a, [orphan]);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.steps.map((s: Step) => [s.op, s.snap])).toEqual([
      ["delete-snapshot", "zt-a-s0"],
      ["unprotect", "zt-a-s1"],
      ["delete-snapshot", "zt-a-s1"],
      ["delete-image", null],
    ]);
    const run = await execute(a, [orphan], dry.body.planId);
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.ok).toBe(false);
    expect(run.body.results.map((r: Result) => r.status)).toEqual(["ok", "error", "skipped", "skipped"]);
    // The answer carries the failure as a code and the service; Ceph's own text (errno 16, EBUSY) is in the audit log.
    expect(run.body.results[1].error).toEqual({
      code: "step_failed",
      params: {},
      upstream: { code: expect.stringMatching(/^upstream_/), service: "ceph" },
    });
    expect(JSON.stringify(run.body.results)).not.toMatch(/errno 16/i);
    const failed = ((await a.get("/api/admin/audit?action=lineage.cleanup")).body.entries as AuditEntry[]).find(
      (e) => e.target === orphan && e.result === "error",
    );
    expect(failed?.detail).toMatch(/errno 16|busy/i);
    // What ran is done; what came after did not run: the protected snapshot and the image are still there.
    expect(await rbd.exists(orphan)).toBe(true);
    expect(await rbd.snaps(orphan)).toEqual([{ name: "zt-a-s1", protected: true }]);
    expect(await auditOf(a, orphan)).toEqual(["delete-snapshot ok", "unprotect error"]);
  });

  it("refuses what is not an orphan (400 not_orphan naming it), an unknown plan (409 plan_expired) and a plan Ceph has outdated (409 plan_changed)", async () => {
    const a = await admin();
    const image = `images/${RAW}`;
    const notOrphan = await dryRun(a, [image]);
    expect(notOrphan.status).toBe(400);
    expect(notOrphan.body.code).toBe("not_orphan");
    expect(notOrphan.body.message).toContain(image);
    expect(notOrphan.body.message).toMatch(/belongs to Glance image/);

    const orphan = leftoverDisk();
    await rbd.clone(PARENT, orphan);
    const unknown = await execute(a, [orphan], "0123456789abcdef");
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe("plan_expired");

    const dry = await dryRun(a, [orphan]);
    expect(dry.body.steps.map((s: Step) => s.op)).toEqual(["delete-image"]);
    await rbd.snap(orphan, "zt-a-late", false); // Ceph changes after the dry run
    const stale = await execute(a, [orphan], dry.body.planId);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("plan_changed");
    expect(stale.body.details.steps.map((s: Step) => s.op)).toEqual(["delete-snapshot", "delete-image"]);
    expect(await rbd.exists(orphan)).toBe(true);
    expect(await rbd.snaps(orphan)).toEqual([{ name: "zt-a-late", protected: false }]);
  });
});
