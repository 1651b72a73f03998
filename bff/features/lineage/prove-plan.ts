import { ApiError } from "../../errors";
import { proveGone, type OwnerReader } from "./prove";
import type { CleanupStep } from "./types";

/**
 * Plan-time proof: every orphan a plan serves must have an owner that answers 404 by id. A found owner
 * refuses the plan with 400 not_orphan and the reason; a failed read with 502 owner_unproven.
 */
export async function provePlan(steps: CleanupStep[], read: OwnerReader): Promise<void> {
  const orphans = [...new Set(steps.map((s) => s.orphan))];
  const proofs = await Promise.all(orphans.map(async (spec) => ({ spec, proof: await proveGone(spec, read) })));
  const found = proofs.filter((p) => !p.proof.gone && p.proof.code === "owner_found");
  const unproven = proofs.filter((p) => !p.proof.gone && p.proof.code === "owner_unproven");
  const reasons = (xs: typeof proofs) => xs.map((p) => (p.proof.gone ? "" : p.proof.reason));
  if (found.length)
    throw new ApiError(400, "not_orphan", `${reasons(found).join("; ")}.`, {
      field: "body.orphans",
      details: { specs: found.map((p) => p.spec), reasons: reasons(found) },
    });
  if (unproven.length)
    throw new ApiError(502, "owner_unproven", `${reasons(unproven).join("; ")}.`, {
      details: { specs: unproven.map((p) => p.spec), reasons: reasons(unproven) },
    });
}
