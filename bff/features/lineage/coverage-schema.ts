import { z } from "@hono/zod-openapi";

/** What a Lineage gather covered: the images read, and the owner walks that did not reach their end. */
export const CoverageSchema = z
  .object({
    basis: z.literal("named_and_linked"),
    read: z.number().int(),
    truncated: z.boolean(),
    walks: z
      .array(
        z.object({
          service: z.enum(["glance", "nova", "cinder"]),
          pool: z.enum(["images", "vms", "volumes"]),
          code: z.enum(["bound", "failed", "cell_down", "probe_bound"]),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
        }),
      )
      .openapi({
        description: "Owner walks that did not reach their end (bound, failed, a Nova cell down): no orphan is listed in their pool",
      }),
    calls: z.number().int().optional().openapi({ description: "Of `read`, the images this gather read from the Ceph Dashboard" }),
    reused: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Of `read`, the images whose facts an earlier gather read, at most reusedForS seconds ago" }),
    reusedForS: z.number().optional(),
    listed: z.number().int().nullable().optional().openapi({
      description: "RBD images in all RBD pools, as the Ceph Dashboard counts them (up to 30 s old); null when it gave no count",
    }),
  })
  .openapi("LineageCoverage", {
    description: "Images Glance and Cinder name plus every parent and clone linked to them; other RBD images are not read",
  });
