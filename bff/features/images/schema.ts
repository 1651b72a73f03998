import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta } from "../../lib/list-schemas";

export const IMAGE_SORTS = ["created", "name", "size", "status"] as const;

export const ImageListQuery = listQuery(IMAGE_SORTS, "created", "desc").extend({
  format: z
    .enum(["raw", "qcow2", "vmdk", "vdi", "vhd", "vhdx", "iso", "ami", "ari", "aki", "ploop"])
    .optional()
    .openapi({ description: "Glance's disk_format filter" }),
});

export const CloneVerdictSchema = z.enum(["clone", "copy", "unknown"]);

export const ImageSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string().openapi({ example: "active" }),
    diskFormat: z.string().nullable(),
    containerFormat: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    virtualSizeBytes: z.number().nullable(),
    minDiskGiB: z.number(),
    minRamMiB: z.number(),
    visibility: z.string(),
    protected: z.boolean(),
    snapshot: z.boolean().openapi({ description: "An instance snapshot: image_type=snapshot, or volume-backed (block_device_mapping)" }),
    volumeBacked: z
      .boolean()
      .openapi({ description: "A volume-backed instance snapshot: no data (size 0); a boot makes a volume from its Cinder snapshot" }),
    copiedNotCloned: z.boolean().nullable().openapi({
      description:
        "Not raw: Ceph cannot clone it, so each boot or volume copies and converts it. Null when unknown (queued) or not applicable (volume-backed)",
    }),
    cloneVerdict: CloneVerdictSchema.nullable().openapi({
      description:
        "The boot plan's rule: clone when raw and images/<id>@snap is protected in this cluster, copy when not raw or not in this cluster, unknown when Ceph could not be asked; null when it does not apply (volume-backed, no format yet)",
    }),
    created: z.string(),
    transient: z.boolean(),
  })
  .openapi("ImageSummary");

export const ImageListSchema = z.object({ items: z.array(ImageSummarySchema), ...PageMeta }).openapi("ImageList");

export type ImageSort = (typeof IMAGE_SORTS)[number];
export type ImageListParams = z.infer<typeof ImageListQuery>;
/** An image as map-image.ts makes it, before its clone verdict is known (clone-verdict.ts). */
export type ImageSummary = Omit<z.infer<typeof ImageSummarySchema>, "cloneVerdict">;
export type CloneVerdict = z.infer<typeof CloneVerdictSchema>;
