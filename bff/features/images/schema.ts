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

export const ImageIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const DISK_FORMATS = ["raw", "qcow2", "vmdk", "vdi", "vhd", "vhdx", "iso", "ami", "ari", "aki", "ploop"] as const;
export const CONTAINER_FORMATS = ["bare", "ovf", "ova", "ami", "ari", "aki", "docker", "compressed"] as const;
export const VISIBILITIES = ["private", "shared", "community", "public"] as const;
/** A custom property key Glance takes (core attributes and os_glance_* are Glance's own). */
const propertyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_:.-]+$/, "letters, digits, _ : . - only")
  .refine((k) => !k.startsWith("os_glance"), "os_glance_* properties belong to Glance");

/** The image form's fields (the upload dialog and the edit form share them; the BFF validates with the same schema). */
export const ImageCreateBody = z
  .object({
    name: z.string().trim().min(1).max(255),
    diskFormat: z.enum(DISK_FORMATS),
    containerFormat: z.enum(CONTAINER_FORMATS).default("bare"),
    visibility: z.enum(VISIBILITIES).default("private"),
    minDiskGiB: z.coerce.number().int().min(0).max(65_536).default(0),
    minRamMiB: z.coerce.number().int().min(0).max(16_777_216).default(0),
  })
  .openapi("ImageCreate");
export type ImageCreate = z.infer<typeof ImageCreateBody>;

export const ImageUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(255).optional(),
    visibility: z.enum(VISIBILITIES).optional(),
    protected: z.boolean().optional(),
    minDiskGiB: z.number().int().min(0).max(65_536).optional(),
    minRamMiB: z.number().int().min(0).max(16_777_216).optional(),
    setProperties: z.record(propertyKey, z.string().max(65_535)).optional(),
    removeProperties: z.array(propertyKey).max(100).optional(),
  })
  .openapi("ImageUpdate");
export type ImageUpdate = z.infer<typeof ImageUpdateBody>;

export const WebDownloadBody = z
  .object({
    uri: z
      .string()
      .url()
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u), "http or https only"),
  })
  .openapi("ImageWebDownload");

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
