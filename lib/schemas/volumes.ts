import { z } from "zod";

/**
 * The volume forms' schemas, one each for the dialog and the BFF's route (bff/features/volumes/schema.ts adds the
 * OpenAPI names). The BFF answers 400 with the field and this English reason; the form shows it at the field.
 */
export const VOLUME_LIMITS = { nameMax: 255, sizeMin: 1, sizeMax: 16_384 } as const;

const Id = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._:@-]+$/, "must be an id (letters, digits, . _ : @ -)");
const Size = z.number().int().min(VOLUME_LIMITS.sizeMin).max(VOLUME_LIMITS.sizeMax);
const TypeName = z.string().trim().min(1).max(255);

export const VOLUME_SOURCES = ["blank", "image", "snapshot", "volume"] as const;
export type VolumeSourceType = (typeof VOLUME_SOURCES)[number];

export const VolumeCreateFields = z
  .object({
    name: z.string().trim().max(VOLUME_LIMITS.nameMax).default(""),
    description: z.string().max(255).optional(),
    source: z
      .object({ type: z.enum(VOLUME_SOURCES), id: Id.optional() })
      .strict()
      .refine((s) => s.type === "blank" || !!s.id, { message: "choose the source", path: ["id"] }),
    sizeGiB: Size.optional().describe("GiB; from a source, at least the source's size (defaults to it)"),
    volumeType: TypeName.optional().describe("Cinder's default type when left out"),
  })
  .strict()
  .refine((v) => v.source.type !== "blank" || v.sizeGiB !== undefined, { message: "a blank volume needs a size", path: ["sizeGiB"] });
export type VolumeCreateInput = z.input<typeof VolumeCreateFields>;

export const VolumeExtendFields = z.object({ newSizeGiB: Size }).strict();
export const VolumeRetypeFields = z
  .object({
    volumeType: TypeName,
    migrationPolicy: z.enum(["never", "on-demand"]).default("never").describe("Whether Cinder may move the data to another backend"),
  })
  .strict();
export const VolumeSnapshotFields = z
  .object({
    name: z.string().trim().max(VOLUME_LIMITS.nameMax).default(""),
    force: z.boolean().default(false).describe("Snapshot an in-use volume (Cinder refuses without it)"),
  })
  .strict();
export const VolumeAttachFields = z.object({ serverId: Id }).strict();
