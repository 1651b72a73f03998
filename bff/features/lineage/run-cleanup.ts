import type { CephDashboard } from "../../ceph/dashboard";
import type { AuditLog } from "../../audit/audit-log";
import { ApiError } from "../../errors";
import type { CleanupStep } from "./types";

export interface StepResult { index: number; status: "ok" | "error" | "skipped"; error: string | null }

const describe = (s: CleanupStep) => (s.snap ? `${s.op} ${s.image}@${s.snap}` : `${s.op} ${s.image}`);

/** Runs confirmed steps in order, once each; stops at the first failure; every executed step is audited. */
export async function runCleanup(
  steps: CleanupStep[], ceph: CephDashboard, audit: AuditLog, who: { requestId: string; user: string; project: string },
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let failed = false;
  for (const [index, s] of steps.entries()) {
    if (failed) { results.push({ index, status: "skipped", error: null }); continue; }
    const [pool, ...rest] = s.image.split("/");
    const name = rest.join("/");
    let error: string | null = null;
    try {
      if (s.op === "flatten" || s.op === "delete-image") await ceph.mutate({ op: s.op, pool, name });
      else await ceph.mutate({ op: s.op, pool, name, snap: s.snap ?? "" });
    } catch (e) {
      error = e instanceof ApiError || e instanceof Error ? e.message : String(e);
      failed = true;
    }
    audit.record({ ...who, action: "lineage.cleanup", target: s.orphan, step: describe(s), result: error ? "error" : "ok", detail: error });
    results.push({ index, status: error ? "error" : "ok", error });
  }
  return results;
}
