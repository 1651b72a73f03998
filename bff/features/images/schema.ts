import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta } from "../../lib/list-schemas";
import { ImageCreateFields, ImageUpdateFields, WebDownloadFields } from "../../../lib/schemas/image";

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

export const ImageIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

/** The form schemas are shared with the upload form and the edit dialog (lib/schemas/image.ts); here they get their OpenAPI names. */
export const ImageCreateBody = ImageCreateFields.openapi("ImageCreate");
export type ImageCreate = z.infer<typeof ImageCreateBody>;
export const ImageUpdateBody = ImageUpdateFields.openapi("ImageUpdate");
export type ImageUpdate = z.infer<typeof ImageUpdateBody>;
export const WebDownloadBody = WebDownloadFields.openapi("ImageWebDownload");

export const ImportCapabilitySchema = z
  .object({
    methods: z.array(z.string()).openapi({ description: "Glance's enabled import methods (GET /v2/info/import)" }),
    webDownload: z.boolean(),
    convert: z.object({
      available: z.boolean(),
      outputFormat: z.string().nullable(),
      reason: z
        .enum(["no_glance_direct", "conversion_not_declared"])
        .nullable()
        .openapi({ description: "Why Convert to raw is not offered: what the operator must enable" }),
    }),
  })
  .openapi("ImageImportCapability");
export type ImportCapability = z.infer<typeof ImportCapabilitySchema>;

export const ImageDetailSchema = ImageSummarySchema.extend({
  owner: z.string().nullable(),
  ownedByProject: z.boolean(),
  updated: z.string(),
  checksum: z.string().nullable(),
  properties: z.record(z.string(), z.string()).openapi({ description: "Custom properties (Glance's os_glance_* and core keys left out)" }),
  importStatus: z
    .object({
      importing: z.boolean(),
      failedStores: z.string().nullable(),
      lastTask: z.object({ status: z.string(), message: z.string() }).nullable(),
    })
    .openapi({
      description: "The interoperable import's state: os_glance_importing_to_stores / os_glance_failed_import, and the newest task",
    }),
  clones: z.object({
    count: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "RBD clones reading from images/<id>'s snapshots (lineage's blockedBy); null when Ceph could not be read" }),
  }),
  import: ImportCapabilitySchema,
}).openapi("ImageDetail");
export type ImageDetail = z.infer<typeof ImageDetailSchema>;

export const ImageCreated = z.object({ id: z.string(), status: z.string() }).openapi("ImageCreated");
