import type { CephDashboard } from "../../ceph/dashboard";
import type { AuditActor, AuditLog } from "../../audit/audit-log";
import { audited } from "../../audit/audited-step";
import { proveGone, type OwnerReader } from "./prove";
import { rawText, type StepError, stepFailed } from "./step-codes";
import type { CleanupStep } from "./types";

/** A step's outcome as the API answers it: its error is a code (StepErrorSchema), never raw text. */
export interface StepResult {
  index: number;
  status: "ok" | "error" | "skipped" | "refused";
  error: StepError | null;
}
/** A step's outcome and, for the audit log only, the raw text of a refusal or failure. */
export interface AuditedStep {
  result: StepResult;
  detail: string | null;
}

/** The audit log's outcome of a step: its result and the raw text. */
export const auditOutcome = ({ result: r, detail }: AuditedStep) => ({
  result: r.status === "ok" ? ("ok" as const) : r.status === "refused" ? ("refused" as const) : ("error" as const),
  detail,
});

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
    const { result: r } = await audited(
      io.audit,
      { ...who, action: "lineage.cleanup", target: s.orphan, step: describe(s) },
      async (): Promise<AuditedStep> => {
        const proof = await proveGone(s.orphan, io.readOwner);
        if (!proof.gone) return { result: { index, status: "refused", error: proof.error }, detail: proof.reason };
        try {
          if (s.op === "flatten" || s.op === "delete-image") await io.ceph.mutate({ op: s.op, pool, name });
          else await io.ceph.mutate({ op: s.op, pool, name, snap: s.snap ?? "" });
          return { result: { index, status: "ok", error: null }, detail: null };
        } catch (e) {
          return { result: { index, status: "error", error: stepFailed(e) }, detail: rawText(e) };
        }
      },
      auditOutcome,
    );
    if (r.status !== "ok") stopped = true;
    results.push(r);
  }
  return results;
}
