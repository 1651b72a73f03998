/**
 * Lineage fan-out on both targets: after 3 clone boots of the raw image (boot from a new volume: Cinder's RBD
 * driver clones images/<raw>@snap on the real tier, as the sim does), the fan-out of that snapshot names exactly
 * what `rbd children` names (the sim: its Ceph Dashboard's children). A flatten plan, dry run then confirmed,
 * leaves a clone made with `rbd clone` without a parent, and Lineage no longer hangs it under the image.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableUuid } from "../../../sim/scenarios/network";
import { onSim, simControl, target } from "../../../tests/target";
import { bootFromVolume, deleteQuietly, sleep, waitFor } from "../../test/instance-helpers";
import { rbdFixture, type RbdFixture } from "../../test/rbd-fixture";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAgent, testDeps } from "../../test/test-app";

const RAW = onSim ? stableUuid("image", "centos-7-raw") : (target.real!.images.raw as string);
const PARENT = `images/${RAW}@snap`;
type Row = { parent: string; clones: { spec: string; run: { state: string } }[]; direct: { total: number; running: number } };

async function admin() {
  const a = createAgent();
  await a.login("admin");
  return a;
}
type Agent = Awaited<ReturnType<typeof admin>>;

const rowOf = async (a: Agent): Promise<Row | undefined> => {
  const res = await a.get("/api/admin/lineage/fanout?refresh=true&limit=500&clones=5000");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.rows as Row[]).find((r) => r.parent === PARENT);
};

describe(`lineage fan-out on the ${target.name} target`, () => {
  let rbd: RbdFixture;
  const booted: { id: string; session: Awaited<ReturnType<typeof bootFromVolume>>["session"] }[] = [];
  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" });
    rbd = rbdFixture();
  });
  afterAll(async () => {
    for (const b of booted) await deleteQuietly(b.session, b.id);
    for (const b of booted) await waitFor(b.session, b.id, (s) => s === 404, 120_000).catch(() => undefined);
    await rbd.cleanup();
  });

  it("after 3 clone boots, the raw image's fan-out equals rbd children, the 3 running", async () => {
    const tag = `zt-fan-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) booted.push(await bootFromVolume(`${tag}-${i}`, true));
    const a = await admin();
    // The shared tier has other engineers' clones coming and going: compare reads taken back to back, up to 3 times.
    let row: Row | undefined;
    let children: string[] = [];
    for (let i = 0; i < 3; i++) {
      row = await rowOf(a);
      children = await rbd.children(PARENT);
      if (
        row &&
        row.clones
          .map((c) => c.spec)
          .sort()
          .join() === children.join()
      )
        break;
      await sleep(1000);
    }
    expect(row).toBeDefined();
    expect(row!.clones.map((c) => c.spec).sort()).toEqual(children);
    expect(row!.direct.total).toBe(children.length);
    // The three boots' volumes are among them, each attached to an ACTIVE server: running.
    const res = await a.get("/api/admin/lineage/forest");
    const mine = (res.body.nodes as { spec: string; owner: { type: string; id: string } | null; run?: { state: string } }[]).filter(
      (n) => n.spec.startsWith("volumes/") && row!.clones.some((c) => c.spec === n.spec),
    );
    const ours = await Promise.all(
      booted.map(async (b) => {
        const srv = await (await b.session.call("compute", `/servers/${b.id}`)).json();
        return srv.server["os-extended-volumes:volumes_attached"][0].id as string;
      }),
    );
    for (const vol of ours) {
      const c = row!.clones.find((x) => x.spec === `volumes/volume-${vol}`);
      expect(c, `volume-${vol} in the fan-out`).toBeDefined();
      expect(c!.run.state, JSON.stringify(c)).toBe("running");
    }
    expect(mine.length).toBeGreaterThanOrEqual(3);
  });

  it("a confirmed flatten plan leaves the clone without a parent, and Lineage takes it out of the image's tree", async () => {
    const clone = `vms/${randomUUID()}_disk`;
    await rbd.clone(PARENT, clone);
    const a = await admin();
    expect((await rowOf(a))!.clones.map((c) => c.spec)).toContain(clone);

    const dry = await a.post("/api/admin/lineage/flatten", { clones: [clone], dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.steps).toEqual([expect.objectContaining({ image: clone, parent: PARENT })]);
    expect(dry.body.notes).toContainEqual({ code: "parallel_limit", params: { parallel: expect.any(Number) } });
    expect(await rbd.parent(clone)).toBe(PARENT);

    const run = await a.post("/api/admin/lineage/flatten", { clones: [clone], dryRun: false, planId: dry.body.planId });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.results).toEqual([{ index: 0, status: "ok", error: null }]);
    expect(await rbd.parent(clone)).toBeNull();
    expect(await rbd.children(PARENT)).not.toContain(clone);

    const tree = await a.get(`/api/admin/lineage/tree?root=${encodeURIComponent(`images/${RAW}`)}`);
    expect(tree.status).toBe(200);
    expect((tree.body.rows as { spec: string }[]).map((r) => r.spec)).not.toContain(clone);
    expect((await rowOf(a))?.clones.map((c) => c.spec) ?? []).not.toContain(clone);
    const audit = (await a.get("/api/admin/audit?action=lineage.flatten")).body.entries as { step: string; result: string }[];
    expect(audit.filter((e) => e.step === `flatten ${clone}`).map((e) => e.result)).toEqual(["ok"]);

    // Confirming the same plan again finds a different cluster: nothing to flatten, so it is refused.
    const again = await a.post("/api/admin/lineage/flatten", { clones: [clone], dryRun: false, planId: dry.body.planId });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("not_a_clone");
  });

  it("the bench result is 'measured on this cloud' only with this cluster's fsid; members get 403; an unknown plan 409", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zt-fan-"));
    try {
      const benchFile = join(dir, "fanout-bench.json");
      const a = createAgent(testDeps({ fanout: { benchFile } }));
      await a.login("admin");
      expect((await a.get("/api/admin/lineage/fanout")).body.bench).toEqual({ state: "not_measured", reason: "no_result" });
      const result = (fsid: string) => ({
        fsid,
        measuredAt: "2026-11-30T17:00:00Z",
        rows: [{ n: 8, cloneMBps: 90, flatMBps: 100, ratio: 0.9 }],
        parentWrite: { beforeMBps: 50, afterMBps: 40, clones: 32 },
      });
      writeFileSync(benchFile, JSON.stringify(result("not-this-cluster")));
      expect((await a.get("/api/admin/lineage/fanout")).body.bench).toEqual({ state: "not_measured", reason: "other_cluster" });
      // This cluster's fsid, read behind the BFF's back (ceph.conf on the real tier, the sim's monitor map).
      const fsid = await rbd.fsid();
      writeFileSync(benchFile, JSON.stringify(result(fsid)));
      expect((await a.get("/api/admin/lineage/fanout")).body.bench).toMatchObject({
        state: "measured",
        result: { fsid, rows: [{ n: 8 }] },
      });

      const demo = createAgent();
      await demo.login("demo");
      expect((await demo.get("/api/admin/lineage/fanout")).status).toBe(403);
      expect((await demo.post("/api/admin/lineage/flatten", { clones: ["vms/x_disk"], dryRun: true })).status).toBe(403);
      const unknown = await a.post("/api/admin/lineage/flatten", { clones: ["vms/x_disk"], dryRun: false, planId: "0123456789abcdef" });
      expect(unknown.status).toBe(409);
      expect(unknown.body.code).toBe("plan_expired");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
