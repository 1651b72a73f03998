import { z } from "@hono/zod-openapi";

const spec = z.string().regex(/^[A-Za-z0-9._-]+\/[^/@\s]+$/, "expected pool/name").max(300);

export const LineageNodeSchema = z
  .object({
    spec: z.string().openapi({ example: "vms/5f1c…_disk" }),
    pool: z.string(), name: z.string(),
    kind: z.enum(["image", "instance-snapshot", "root-disk", "volume", "other"]),
    orphan: z.boolean(),
    owner: z.object({ type: z.enum(["glance", "nova", "cinder"]), id: z.string(), name: z.string() }).nullable(),
    orphanReason: z.string().nullable(),
    ownerUnknown: z.boolean().openapi({ description: "No owner seen, but the walk that would name one was incomplete (coverage.walks): not called an orphan" }),
    provisionedBytes: z.number(),
    usedBytes: z.number().nullable().openapi({ description: "The dashboard's total_disk_usage; null when unknown (usageNote says why), never the provisioned size" }),
    usageNote: z.enum(["dashboard", "clone_includes_parent", "diff_unsafe", "not_reported"]),
    cinderDeleted: z.boolean().openapi({ description: "volume-<id>.deleted: Cinder's hidden parent of clones of a deleted volume" }),
    parent: z.string().nullable().openapi({ description: "pool/name@snap of the parent snapshot" }),
    snapshots: z.array(z.object({ name: z.string(), protected: z.boolean(), children: z.array(z.string()) })),
    blockedBy: z.array(z.string()).openapi({ description: "Direct clones that keep this image from being deleted" }),
  })
  .openapi("LineageNode");

export const LineageSchema = z
  .object({
    trees: z.array(z.object({ root: z.string(), label: z.string() })),
    nodes: z.array(LineageNodeSchema),
    orphans: z.array(z.string()).openapi({ description: "Specs of orphans, deepest first" }),
    pending: z.array(z.object({
      spec: z.string(),
      owner: z.object({ type: z.enum(["glance", "cinder"]), id: z.string(), name: z.string() }),
      reason: z.enum(["fresh", "transitional"]),
    })).openapi({ description: "Named by Glance/Cinder, not in Ceph yet: the view is refreshing; nothing is concluded from their absence" }),
    coverage: z.object({
      basis: z.literal("named_and_linked"),
      read: z.number().int(),
      truncated: z.boolean(),
      walks: z.array(z.object({
        service: z.enum(["glance", "nova", "cinder"]),
        pool: z.enum(["images", "vms", "volumes"]),
        code: z.enum(["bound", "failed", "cell_down", "probe_bound"]),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      })).openapi({ description: "Owner walks that did not reach their end (bound, failed, a Nova cell down): no orphan is listed in their pool" }),
    }).openapi({ description: "Images Glance and Cinder name plus every parent and clone linked to them; other RBD images are not read" }),
  })
  .openapi("Lineage");

export const CleanupBodySchema = z
  .object({
    orphans: z.array(spec).min(1).max(200),
    dryRun: z.boolean(),
    planId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  })
  .openapi("LineageCleanupRequest");

export const CleanupStepSchema = z
  .object({
    op: z.enum(["flatten", "unprotect", "delete-snapshot", "delete-image"]),
    image: z.string(), snap: z.string().nullable(), orphan: z.string(), why: z.string(),
  })
  .openapi("LineageCleanupStep");

export const CleanupResultSchema = z
  .object({
    dryRun: z.boolean(),
    planId: z.string(),
    steps: z.array(CleanupStepSchema),
    results: z.array(z.object({ index: z.number().int(), status: z.enum(["ok", "error", "skipped", "refused"]), error: z.string().nullable() })).nullable(),
    ok: z.boolean().nullable().openapi({ description: "null on a dry run; false when a step failed" }),
  })
  .openapi("LineageCleanup");

export type LineageDto = z.infer<typeof LineageSchema>;
