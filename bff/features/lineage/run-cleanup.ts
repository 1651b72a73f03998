import type { CephDashboard } from "../../ceph/dashboard";
import type { AuditActor, AuditLog } from "../../audit/audit-log";
import { audited } from "../../audit/audited-step";
import { ApiError } from "../../errors";
import { proveGone, type OwnerReader } from "./prove";
import type { CleanupStep } from "./types";

export interface StepResult {
  index: number;
  status: "ok" | "error" | "skipped" | "refused";
  error: string | null;
}

const describe = (s: CleanupStep) => (s.snap ? `${s.op} ${s.image}@${s.snap}` : `${s.op} ${s.image}`);

export interface CleanupIo {
  ceph: CephDashboard;
  readOwner: OwnerReader;
  audit: AuditLog;
}

/**
 * Runs confirmed steps in order, once each. Each step writes its intent to the audit log first (no intent, no
 * step: 503), then reads the orphan's owner by id once more: only a 404 lets the step run; a found owner or a
 * failed read refuses it. The run stops at the first refused or failed step; the rest are skipped.
 */
export async function runCleanup(steps: CleanupStep[], io: CleanupIo, who: AuditActor & { planId: string }): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let stopped = false;
  for (const [index, s] of steps.entries()) {
    if (stopped) {
      results.push({ index, status: "skipped", error: null });
      continue;
    }
    const [pool, ...rest] = s.image.split("/");
    const name = rest.join("/");
    const r = await audited(
      io.audit,
      { ...who, action: "lineage.cleanup", target: s.orphan, step: describe(s) },
      async (): Promise<StepResult> => {
        const proof = await proveGone(s.orphan, io.readOwner);
        if (!proof.gone) return { index, status: "refused", error: proof.reason };
        try {
          if (s.op === "flatten" || s.op === "delete-image") await io.ceph.mutate({ op: s.op, pool, name });
          else await io.ceph.mutate({ op: s.op, pool, name, snap: s.snap ?? "" });
          return { index, status: "ok", error: null };
        } catch (e) {
          return { index, status: "error", error: e instanceof ApiError || e instanceof Error ? e.message : String(e) };
        }
      },
      (x) => ({ result: x.status === "ok" ? "ok" : x.status === "refused" ? "refused" : "error", detail: x.error }),
    );
    if (r.status !== "ok") stopped = true;
    results.push(r);
  }
  return results;
}
