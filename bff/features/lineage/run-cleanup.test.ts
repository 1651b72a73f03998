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
  { op: "unprotect", image: spec, snap: "s1", orphan: spec, why: "", reason: null },
  { op: "delete-snapshot", image: spec, snap: "s1", orphan: spec, why: "", reason: null },
  { op: "delete-image", image: spec, snap: null, orphan: spec, why: "", reason: null },
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
    expect(results[1].error).toMatch(/Nova server restored \(status ACTIVE\)/);
    expect(calls).toEqual([`unprotect ${SRV}_disk`]);
    expect((await audit.list({ limit: 10 })).entries.map((e) => e.result)).toEqual(["refused", "ok"]);
  });

  it("refuses when the read fails in any other way (not proof of absence)", async () => {
    const { ceph, calls } = fakeCeph();
    const read: OwnerReader = async () => {
      throw new ApiError(504, "upstream_timeout", "Nova did not answer");
    };
    const results = await runCleanup(steps, { ceph, readOwner: read, audit: createAuditLog(createDatabase({})) }, who);
    expect(results.map((r) => r.status)).toEqual(["refused", "skipped", "skipped"]);
    expect(calls).toEqual([]);
  });
});
