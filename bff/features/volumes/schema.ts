import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta, UnavailableSchema } from "../../lib/list-schemas";

export const VOLUME_SORTS = ["created", "name", "size", "status"] as const;

export const VolumeListQuery = listQuery(VOLUME_SORTS, "created", "desc").extend({
  status: z
    .enum([
      "available",
      "in-use",
      "creating",
      "downloading",
      "error",
      "deleting",
      "attaching",
      "detaching",
      "reserved",
      "maintenance",
      "extending",
    ])
    .optional()
    .openapi({ description: "Cinder's status filter" }),
});

export const VolumeSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    sizeGiB: z.number(),
    status: z.string().openapi({ example: "in-use" }),
    type: z.string().nullable(),
    bootable: z.boolean(),
    attachments: z.array(z.object({ serverId: z.string(), serverName: z.string().nullable(), device: z.string().nullable() })),
    sourceImage: z
      .object({ id: z.string().nullable(), name: z.string().nullable(), diskFormat: z.string().nullable() })
      .nullable()
      .openapi({ description: "From volume_image_metadata: the image this volume was created from" }),
    created: z.string(),
    transient: z.boolean(),
  })
  .openapi("VolumeSummary");

export const VolumeListSchema = z
  .object({ items: z.array(VolumeSummarySchema), ...PageMeta, unavailable: UnavailableSchema })
  .openapi("VolumeList");

export type VolumeListParams = z.infer<typeof VolumeListQuery>;
export type VolumeSummary = z.infer<typeof VolumeSummarySchema>;
