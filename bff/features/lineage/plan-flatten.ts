import { createHash } from "node:crypto";
import { ApiError } from "../../errors";
import { inParentOf } from "./fanout";
import type { FanoutBytes } from "./fanout-schema";
import type { Lineage, RunState } from "./types";

export interface FlattenStep {
  /** "pool/name" of the clone to flatten. */
  image: string;
  /** "pool/name@snap" it reads from now: proven again before its flatten runs. */
  parent: string;
  run: RunState;
  /** What the flatten copies (the clone's data still in the parent). */
  bytes: FanoutBytes;
  provisionedBytes: number;
}

/** A plan's notes, as codes the UI renders: a running owner's disk is flattened live, at an I/O cost. */
export type FlattenNote =
  | { code: "running_flatten_io"; params: { count: number } }
  | { code: "parallel_limit"; params: { parallel: number } };

/** The same clones, parents and parallelism give the same id. */
export function flattenPlanId(steps: FlattenStep[], parallel: number): string {
  const canon = [`parallel ${parallel}`, ...steps.map((s) => `flatten ${s.image} ${s.parent}`)].join("\n");
  return createHash("sha256").update(canon).digest("hex").slice(0, 16);
}

/**
 * One flatten per requested clone, against fresh lineage. Anything that is not a clone (no parent) or not in the
 * cluster is refused with 400 not_a_clone. Flattening a running instance's disk is allowed (rbd flatten works on
 * an image in use), and the plan says what it costs; at most `parallel` flattens run at once.
 */
export function planFlatten(lineage: Lineage, requested: string[], parallel: number) {
  const byNode = new Map(lineage.nodes.map((n) => [n.spec, n]));
  const steps: FlattenStep[] = [...new Set(requested)].map((spec) => {
    const n = byNode.get(spec);
    if (!n?.parent)
      throw new ApiError(
        400,
        "not_a_clone",
        `${spec} ${n ? "has no parent: there is nothing to flatten" : "is not an RBD image on this cluster (any more)"}.`,
        {
          field: "body.clones",
          details: { spec },
        },
      );
    const parentUsed = byNode.get(n.parent.split("@")[0])?.usedBytes ?? null;
    return {
      image: spec,
      parent: n.parent,
      run: n.run ?? { state: "unknown", certainty: "unknown", reason: "owner_unknown", status: null },
      bytes: inParentOf(n, parentUsed),
      provisionedBytes: n.provisionedBytes,
    };
  });
  const running = steps.filter((s) => s.run?.state === "running").length;
  const notes: FlattenNote[] = [
    ...(running ? [{ code: "running_flatten_io" as const, params: { count: running } }] : []),
    { code: "parallel_limit", params: { parallel } },
  ];
  return { steps, planId: flattenPlanId(steps, parallel), notes, parallel };
}
