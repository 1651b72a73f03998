import { z } from "@hono/zod-openapi";
import { factsStampFields } from "../../lib/facts-stamp-schema";
import { CoverageSchema } from "./coverage-schema";
import { RunStateSchema } from "./fanout-schema";
import { StepResultSchema, StepWhySchema } from "./step-codes";
import { ORPHAN_REASONS } from "./types";

export const OrphanReasonSchema = z
  /** Why an RBD image is an orphan; its name (shown beside) carries the id. Inline: a nullable reference loses its null. */
  .object({ code: z.enum(ORPHAN_REASONS) });

const spec = z
  .string()
  .regex(/^[A-Za-z0-9._-]+\/[^/@\s]+$/, "expected pool/name")
  .max(300);

export const LineageNodeSchema = z
  .object({
    spec: z.string().openapi({ example: "vms/5f1c…_disk" }),
    pool: z.string(),
    name: z.string(),
    kind: z.enum(["image", "instance-snapshot", "root-disk", "volume", "other"]),
    orphan: z.boolean(),
    owner: z.object({ type: z.enum(["glance", "nova", "cinder"]), id: z.string(), name: z.string() }).nullable(),
    orphanReason: OrphanReasonSchema.nullable(),
    ownerUnknown: z
      .boolean()
      .openapi({ description: "No owner seen, but the walk that would name one was incomplete (coverage.walks): not called an orphan" }),
    provisionedBytes: z.number(),
    usedBytes: z
      .number()
      .nullable()
      .openapi({ description: "The dashboard's total_disk_usage; null when unknown (usageNote says why), never the provisioned size" }),
    usageNote: z.enum(["dashboard", "clone_includes_parent", "diff_unsafe", "not_reported"]),
    cinderDeleted: z.boolean().openapi({ description: "volume-<id>.deleted: Cinder's hidden parent of clones of a deleted volume" }),
    parent: z.string().nullable().openapi({ description: "pool/name@snap of the parent snapshot" }),
    snapshots: z.array(z.object({ name: z.string(), protected: z.boolean(), children: z.array(z.string()) })),
    blockedBy: z.array(z.string()).openapi({ description: "Direct clones that keep this image from being deleted" }),
    run: RunStateSchema.optional(),
  })
  .openapi("LineageNode");

export const LineageSchema = z
  .object({
    trees: z.array(z.object({ root: z.string(), label: z.string() })),
    nodes: z.array(LineageNodeSchema),
    orphans: z.array(z.string()).openapi({ description: "Specs of orphans, deepest first" }),
    pending: z
      .array(
        z.object({
          spec: z.string(),
          owner: z.object({ type: z.enum(["glance", "cinder"]), id: z.string(), name: z.string() }),
          reason: z.enum(["fresh", "transitional"]),
        }),
      )
      .openapi({ description: "Named by Glance/Cinder, not in Ceph yet: the view is refreshing; nothing is concluded from their absence" }),
    coverage: CoverageSchema,
  })
  .openapi("Lineage");

export const CleanupBodySchema = z
  .object({
    orphans: z.array(spec).min(1).max(200),
    dryRun: z.boolean(),
    planId: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
  })
  .openapi("LineageCleanupRequest");

export const CleanupStepSchema = z
  .object({
    op: z.enum(["flatten", "unprotect", "delete-snapshot", "delete-image"]),
    image: z.string(),
    snap: z.string().nullable(),
    orphan: z.string(),
    why: StepWhySchema,
    /** On the delete-image step: why the image is an orphan. */
    reason: OrphanReasonSchema.nullable(),
  })
  .openapi("LineageCleanupStep");

export const CleanupResultSchema = z
  .object({
    dryRun: z.boolean(),
    planId: z.string(),
    steps: z.array(CleanupStepSchema),
    results: z.array(StepResultSchema).nullable(),
    ok: z.boolean().nullable().openapi({ description: "null on a dry run; false when a step failed" }),
  })
  .openapi("LineageCleanup");

export type LineageDto = z.infer<typeof LineageSchema>;

const Certainty = z.enum(["proven", "incomplete", "unknown"]);
const Walks = LineageSchema.shape.coverage;
const Pending = LineageSchema.shape.pending;

/** Bytes clones read from their parents, against what full copies of them would hold. */
export const SpaceSchema = z
  .object({
    clones: z.number().int().openapi({ description: "RBD clones (images with a parent snapshot)" }),
    sharedBytes: z.number().openapi({
      description:
        "Σ over clones of the parent's used bytes: data each clone reads from its parent instead of holding it (an upper bound: a clone's copy-ups are not known, the dashboard's usage counts the parent's data)",
    }),
    fullCopyBytes: z.number().openapi({
      description:
        "Σ over clones of their provisioned bytes: what full copies (Cinder's or Nova's download-and-import path) would allocate at most",
    }),
    certainty: Certainty.openapi({
      description:
        "proven: every parent's usage was read; incomplete: some parents' usage is unknown (sharedBytes counts the known ones only); unknown: none",
    }),
  })
  .openapi("LineageSpace");

/** One root image (a Glance image or its leftover in `images`) and what hangs from it. */
export const LineageRootSchema = z
  .object({
    root: z.string().openapi({ description: "pool/name of the root RBD image" }),
    label: z.string(),
    kind: LineageNodeSchema.shape.kind,
    owner: LineageNodeSchema.shape.owner,
    orphan: z.boolean(),
    ownerUnknown: z.boolean(),
    nodes: z.number().int().openapi({ description: "RBD images in this tree, the root included" }),
    children: z
      .object({
        "instance-snapshot": z.number().int(),
        "root-disk": z.number().int(),
        volume: z.number().int(),
        other: z.number().int(),
        image: z.number().int(),
      })
      .openapi({ description: "Descendants by kind" }),
    provisionedBytes: z.number(),
    usedBytes: z.number().openapi({ description: "Σ of the known used bytes in the tree" }),
    usedUnknown: z.number().int().openapi({ description: "Nodes whose usage is unknown (not counted in usedBytes)" }),
    orphans: z.number().int(),
    blockedBy: z.number().int().openapi({ description: "Direct clones that keep the root from being deleted" }),
    deletable: z
      .boolean()
      .openapi({ description: "No clone reads from the root's snapshots (Ceph's own children lists and every read clone's parent)" }),
    space: SpaceSchema,
  })
  .openapi("LineageRoot");
export type LineageRoot = z.infer<typeof LineageRootSchema>;

export const LineageSummaryQuery = z.object({
  refresh: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: gather the facts anew instead of the shared ones (joins a gather already running)" }),
  q: z.string().trim().max(200).optional().openapi({ description: "Only roots whose label, id or spec contains this (case-insensitive)" }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const Gathered = factsStampFields("facts", "gathers");

export const LineageSummarySchema = z
  .object({
    ...Gathered,
    roots: z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(LineageRootSchema) }),
    orphans: z.array(LineageNodeSchema).openapi({ description: "Every orphan, deepest first" }),
    pending: Pending,
    coverage: Walks,
    totals: z.object({
      nodes: z.number().int(),
      trees: z.number().int(),
      unrooted: z
        .number()
        .int()
        .openapi({ description: "RBD images read that hang from no image in `images` (volumes made blank, their clones)" }),
      provisionedBytes: z.number(),
      usedBytes: z.number(),
      usedUnknown: z.number().int(),
      space: SpaceSchema,
    }),
  })
  .openapi("LineageSummary");
export type LineageSummary = z.infer<typeof LineageSummarySchema>;

export const LineageTreeRowSchema = z
  .object({
    spec: z.string(),
    kind: LineageNodeSchema.shape.kind,
    depth: z.number().int().openapi({
      description: "0 for the root; rows are in depth-first order, so a row's subtree is the rows after it with a greater depth",
    }),
    via: z.string().nullable().openapi({ description: "The parent's snapshot this clone was made from" }),
    owner: LineageNodeSchema.shape.owner,
    orphan: z.boolean(),
    ownerUnknown: z.boolean(),
    cinderDeleted: z.boolean(),
    provisionedBytes: z.number(),
    usedBytes: z.number().nullable(),
    usageNote: LineageNodeSchema.shape.usageNote,
    blockedBy: z.number().int(),
    children: z.number().int(),
  })
  .openapi("LineageTreeRow");
export type LineageTreeRow = z.infer<typeof LineageTreeRowSchema>;

export const LineageForestQuery = LineageSummaryQuery.pick({ refresh: true });
export const LineageTreeQuery = z.object({ root: spec.openapi({ description: "pool/name of a root", example: "images/0b3c…" }) });
export const LineageTreeSchema = z.object({ ...Gathered, root: z.string(), rows: z.array(LineageTreeRowSchema) }).openapi("LineageTree");
export type LineageTree = z.infer<typeof LineageTreeSchema>;

export const LineageSearchQuery = z.object({
  q: z.string().trim().min(2).max(300).openapi({ description: "A name, an OpenStack id or an RBD spec (pool/name), or part of one" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const LineageSearchSchema = z
  .object({
    ...Gathered,
    total: z.number().int(),
    hits: z.array(
      z.object({
        spec: z.string(),
        kind: LineageNodeSchema.shape.kind,
        owner: LineageNodeSchema.shape.owner,
        orphan: z.boolean(),
        root: z.string().nullable().openapi({ description: "The root of its tree (null: it hangs from no image in `images`)" }),
        match: z.enum(["spec", "name", "id"]),
      }),
    ),
  })
  .openapi("LineageSearch");
export type LineageSearch = z.infer<typeof LineageSearchSchema>;
