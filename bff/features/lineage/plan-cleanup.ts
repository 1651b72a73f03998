import { createHash } from "node:crypto";
import { ApiError } from "../../errors";
import type { CleanupStep, Lineage } from "./types";

/** A stable id for a list of steps: the same steps give the same id. */
export function planIdOf(steps: CleanupStep[]): string {
  const canon = steps.map((s) => [s.op, s.image, s.snap ?? ""].join(" ")).join("\n");
  return createHash("sha256").update(canon).digest("hex").slice(0, 16);
}

/**
 * The operator's remedy for each orphan: flatten the clones that still read from its snapshots, unprotect
 * and remove those snapshots, then remove the image. Deepest orphans go first, so a selected orphan that is a
 * clone of another selected orphan is removed rather than flattened. Anything not an orphan is refused.
 */
export function planCleanup(lineage: Lineage, requested: string[]): { steps: CleanupStep[]; planId: string } {
  const byNode = new Map(lineage.nodes.map((n) => [n.spec, n]));
  const wanted = [...new Set(requested)];
  for (const spec of wanted) {
    const n = byNode.get(spec);
    if (!n)
      throw new ApiError(400, "not_orphan", `${spec} is not an RBD image on this cluster (any more).`, {
        field: "body.orphans",
        details: { spec },
      });
    if (!n.orphan) {
      if (n.cinderDeleted && !n.owner)
        throw new ApiError(
          400,
          "not_orphan",
          `${spec} is not an orphan: Cinder keeps this deleted volume as the hidden parent of ${n.blockedBy.join(", ") || "a volume it still has"} and removes it once those clones are deleted.`,
          { field: "body.orphans", details: { spec } },
        );
      const who = n.owner
        ? `${n.owner.type === "glance" ? "Glance image" : n.owner.type === "nova" ? "Nova server" : "Cinder volume"} ${n.owner.name}`
        : "no OpenStack service naming pattern";
      throw new ApiError(400, "not_orphan", `${spec} is not an orphan: it belongs to ${who}.`, {
        field: "body.orphans",
        details: { spec },
      });
    }
  }
  for (const spec of wanted) {
    const n = byNode.get(spec)!;
    // Rbd.delete first reads the image with usage (controllers/rbd.py:172, RbdService.get_image without
    // omit_usage): on a 0-byte image that diff_iterate can abort ceph-mgr, so lineage does not remove those.
    if (n.provisionedBytes === 0)
      throw new ApiError(
        400,
        "not_orphan",
        `${spec} is a 0-byte image: the Ceph Dashboard's delete computes its usage first, which can abort ceph-mgr 16.2. Remove it with rbd (snap unprotect, snap rm, rm) instead.`,
        { field: "body.orphans", details: { spec } },
      );
  }
  const selected = new Set(wanted);
  const order = lineage.orphans.filter((s) => selected.has(s));
  const removed = new Set<string>();
  const steps: CleanupStep[] = [];
  for (const spec of order) {
    const n = byNode.get(spec)!;
    for (const snap of n.snapshots) {
      for (const child of snap.children) {
        if (removed.has(child)) continue;
        steps.push({
          op: "flatten",
          image: child,
          snap: null,
          orphan: spec,
          why: { code: "child_reads_parent", params: { child, parent: `${spec}@${snap.name}` } },
          reason: null,
        });
      }
    }
    for (const snap of n.snapshots) {
      if (snap.protected)
        steps.push({
          op: "unprotect",
          image: spec,
          snap: snap.name,
          orphan: spec,
          why: { code: "protected_snapshot" },
          reason: null,
        });
      steps.push({
        op: "delete-snapshot",
        image: spec,
        snap: snap.name,
        orphan: spec,
        why: { code: "snapshots_block_removal" },
        reason: null,
      });
    }
    steps.push({ op: "delete-image", image: spec, snap: null, orphan: spec, why: { code: "no_live_owner" }, reason: n.orphanReason });
    removed.add(spec);
  }
  return { steps, planId: planIdOf(steps) };
}
