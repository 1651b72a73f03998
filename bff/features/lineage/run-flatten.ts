import type { AuditActor, AuditLog } from "../../audit/audit-log";
import { audited } from "../../audit/audited-step";
import type { CephDashboard } from "../../ceph/dashboard";
import type { FlattenStep } from "./plan-flatten";
import { type AuditedStep, auditOutcome, type StepResult } from "./run-cleanup";
import { rawText, stepFailed } from "./step-codes";

export interface FlattenIo {
  ceph: Pick<CephDashboard, "image" | "mutate">;
  audit: AuditLog;
  /** Waits between reads of a flatten that is still running (the dashboard answers 202 for a long one). */
  sleep?: (ms: number) => Promise<void>;
  /** How long a flatten may take before its step is an error (the image keeps its parent so far). */
  verifyMs?: number;
}

const split = (spec: string) => ({ pool: spec.slice(0, spec.indexOf("/")), name: spec.slice(spec.indexOf("/") + 1) });
const parentOf = (img: { parent: { pool_name: string; image_name: string; snap_name: string } | null }) =>
  img.parent ? `${img.parent.pool_name}/${img.parent.image_name}@${img.parent.snap_name}` : null;

/** Proves the step's fact again (the clone exists and still reads from the planned parent), flattens, and reads it back. */
async function flattenOne(s: FlattenStep, index: number, io: FlattenIo): Promise<AuditedStep> {
  const { pool, name } = split(s.image);
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const refused = (error: StepResult["error"], detail: string): AuditedStep => ({ result: { index, status: "refused", error }, detail });
  let before: Awaited<ReturnType<FlattenIo["ceph"]["image"]>>;
  try {
    before = await io.ceph.image(pool, name);
  } catch (e) {
    return refused(stepFailed(e, "clone_unreadable"), `${s.image} could not be read again, so its parent is not proven: ${rawText(e)}`);
  }
  if (!before) return refused({ code: "clone_gone", params: {}, upstream: null }, `${s.image} is no longer in the cluster.`);
  const now = parentOf(before);
  if (now !== s.parent)
    return refused(
      { code: "parent_changed", params: { parent: now }, upstream: null },
      `${s.image} now reads from ${now ?? "no parent"}, not ${s.parent}.`,
    );
  try {
    await io.ceph.mutate({ op: "flatten", pool, name });
  } catch (e) {
    return { result: { index, status: "error", error: stepFailed(e) }, detail: rawText(e) };
  }
  const until = Date.now() + (io.verifyMs ?? 300_000);
  for (;;) {
    const after = await io.ceph.image(pool, name).catch(() => undefined);
    if (after && !after.parent) return { result: { index, status: "ok", error: null }, detail: null };
    if (Date.now() > until)
      return {
        result: {
          index,
          status: "error",
          error: { code: "still_has_parent", params: { parent: after ? parentOf(after) : null }, upstream: null },
        },
        detail: `${s.image} still ${after ? `reads from ${parentOf(after)}` : "could not be read"} after the flatten.`,
      };
    await sleep(1000);
  }
}

/**
 * Runs confirmed flattens, at most `parallel` at once. Each writes its intent to the audit log first (no intent,
 * no flatten: 503), proves its clone still reads from the planned parent, flattens, and is ok only once the
 * clone reads back without a parent. After a refused or failed step no new flatten starts; the rest are skipped.
 */
export async function runFlatten(
  steps: FlattenStep[],
  io: FlattenIo,
  who: AuditActor & { planId: string },
  parallel: number,
): Promise<StepResult[]> {
  const results: StepResult[] = new Array(steps.length);
  let next = 0;
  let stopped = false;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= steps.length) return;
      const s = steps[index];
      if (stopped) {
        results[index] = { index, status: "skipped", error: null };
        continue;
      }
      const { result: r } = await audited(
        io.audit,
        { ...who, action: "lineage.flatten", target: s.parent, step: `flatten ${s.image}` },
        () => flattenOne(s, index, io),
        auditOutcome,
      ).catch((e): AuditedStep => {
        stopped = true;
        results[index] = { index, status: "error", error: stepFailed(e) };
        throw e;
      });
      if (r.status !== "ok") stopped = true;
      results[index] = r;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, steps.length)) }, worker));
  return results;
}
