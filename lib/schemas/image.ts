import { z } from "zod";

/**
 * The image forms' fields, one schema for the upload form, the edit dialog and the BFF's routes
 * (bff/features/images/schema.ts adds the OpenAPI names). Glance's enums, as its image schema lists them.
 */
import { CONTAINER_FORMATS, DISK_FORMATS, VISIBILITIES } from "./image-enums";

export { CONTAINER_FORMATS, DISK_FORMATS, VISIBILITIES };

/** A custom property key Glance takes (core attributes and os_glance_* are Glance's own). */
export const PropertyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_:.-]+$/, "letters, digits, _ : . - only")
  .refine((k) => !k.startsWith("os_glance"), "os_glance_* properties belong to Glance");

export const ImageCreateFields = z.object({
  name: z.string().trim().min(1).max(255),
  diskFormat: z.enum(DISK_FORMATS),
  containerFormat: z.enum(CONTAINER_FORMATS).default("bare"),
  visibility: z.enum(VISIBILITIES).default("private"),
  minDiskGiB: z.coerce.number().int().min(0).max(65_536).default(0),
  minRamMiB: z.coerce.number().int().min(0).max(16_777_216).default(0),
});

export const ImageUpdateFields = z.object({
  name: z.string().trim().min(1).max(255).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  protected: z.boolean().optional(),
  minDiskGiB: z.number().int().min(0).max(65_536).optional(),
  minRamMiB: z.number().int().min(0).max(16_777_216).optional(),
  setProperties: z.record(PropertyKey, z.string().max(65_535)).optional(),
  removeProperties: z.array(PropertyKey).max(100).optional(),
});

export const WebDownloadFields = z.object({
  uri: z
    .string()
    .url()
    .max(2048)
    .refine((u) => /^https?:\/\//i.test(u), "http or https only"),
});
