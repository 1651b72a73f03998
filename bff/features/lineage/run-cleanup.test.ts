import type { CephDashboard } from "../../ceph/dashboard";
import { createAuditLog } from "../../audit/audit-log";
import { createDatabase } from "../../db/database";
import { ApiError } from "../../errors";
import { runCleanup } from "./run-cleanup";
import type { OwnerReader } from "./prove";
import type { CleanupStep } from "./types";

const SRV = "33333333-3333-4333-8333-333333333333";
const spec = `vms/${SRV}_disk`;
const steps: CleanupStep[] = [
  { op: "unprotect", image: spec, snap: "s1", orphan: spec, why: { code: "protected_snapshot" }, reason: null },
  { op: "delete-snapshot", image: spec, snap: "s1", orphan: spec, why: { code: "snapshots_block_removal" }, reason: null },
  { op: "delete-image", image: spec, snap: null, orphan: spec, why: { code: "no_live_owner" }, reason: null },
];
const who = {
  requestId: "r1",
  userId: "u1",
  user: "admin",
  projectId: "p1",
  project: "admin",
  source: "127.0.0.1",
  planId: "0123456789abcdef",
};
const gone = new ApiError(404, "upstream_not_found", `Nova answered 404: Instance ${SRV} could not be found.`);

function fakeCeph() {
  const calls: string[] = [];
  return {
    calls,
    ceph: {
      mutate: async (m: { op: string; name: string }) => {
        calls.push(`${m.op} ${m.name}`);
      },
    } as unknown as CephDashboard,
  };
}

describe("runCleanup: the owner is read by id again right before each step", () => {
  it("runs every step while the owner answers 404, each with its intent and result in the audit log", async () => {
    const { ceph, calls } = fakeCeph();
    const audit = createAuditLog(createDatabase({}));
    const reads: string[] = [];
    const read: OwnerReader = async (ref) => {
      reads.push(ref.id);
      throw gone;
    };
    const results = await runCleanup(steps, { ceph, readOwner: read, audit }, who);
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    expect(calls).toHaveLength(3);
    expect(reads).toEqual([SRV, SRV, SRV]);
    expect((await audit.list({ limit: 10 })).entries.map((e) => e.result)).toEqual(["ok", "ok", "ok"]);
  });

  it("stops at the step whose owner came back: refused, nothing after it runs, and the refusal is audited", async () => {
    const { ceph, calls } = fakeCeph();
    const audit = createAuditLog(createDatabase({}));
    let n = 0;
    const read: OwnerReader = async () => {
      if (++n >= 2) return { name: "restored", status: "ACTIVE" };
      throw gone;
    };
    const results = await runCleanup(steps, { ceph, readOwner: read, audit }, who);
    expect(results.map((r) => r.status)).toEqual(["ok", "refused", "skipped"]);
    // The answer carries a code and params; the English text is the audit log's only.
    expect(results[1].error).toEqual({
      code: "owner_found",
      params: { owner: "nova", name: "restored", status: "ACTIVE" },
      upstream: null,
    });
    expect(calls).toEqual([`unprotect ${SRV}_disk`]);
    const entries = (await audit.list({ limit: 10 })).entries;
    expect(entries.map((e) => e.result)).toEqual(["refused", "ok"]);
    expect(entries[0].detail).toMatch(/Nova server restored \(status ACTIVE\)/);
  });

  it("refuses when the read fails in any other way (not proof of absence)", async () => {
    const { ceph, calls } = fakeCeph();
    const read: OwnerReader = async () => {
      throw new ApiError(504, "upstream_timeout", "Nova did not answer");
    };
    const audit = createAuditLog(createDatabase({}));
    const results = await runCleanup(steps, { ceph, readOwner: read, audit }, who);
    expect(results.map((r) => r.status)).toEqual(["refused", "skipped", "skipped"]);
    // The upstream failure as its code and service, not its text (that stays in the audit log).
    expect(results[0].error).toEqual({
      code: "owner_unproven",
      params: { owner: "nova" },
      upstream: { code: "upstream_timeout", service: null },
    });
    expect(JSON.stringify(results)).not.toContain("Nova did not answer");
    expect((await audit.list({ limit: 10 })).entries[0].detail).toMatch(/Nova did not answer/);
    expect(calls).toEqual([]);
  });

  it("a step Ceph refuses is an error with the ApiError's code and service; Ceph's text is in the audit log only", async () => {
    const audit = createAuditLog(createDatabase({}));
    const ebusy = new ApiError(502, "upstream_error", "Ceph Dashboard answered 400 on /api/block/image: [errno 16] RBD image busy", {
      service: "ceph",
    });
    const ceph = {
      mutate: async () => {
        throw ebusy;
      },
    } as unknown as CephDashboard;
    const results = await runCleanup(
      steps,
      {
        ceph,
        readOwner: async () => {
          throw gone;
        },
        audit,
      },
      who,
    );
    expect(results).toEqual([
      { index: 0, status: "error", error: { code: "step_failed", params: {}, upstream: { code: "upstream_error", service: "ceph" } } },
      { index: 1, status: "skipped", error: null },
      { index: 2, status: "skipped", error: null },
    ]);
    expect((await audit.list({ limit: 10 })).entries[0]).toMatchObject({ result: "error", detail: expect.stringMatching(/errno 16/) });
  });
});
