import { z } from "zod";
import { BOOT_LIMITS } from "./boot-limits";

/**
 * The boot request, one schema for the wizard's form and the BFF's route (bff/routes/boot/boot.schemas.ts adds the
 * OpenAPI names). The form shows each issue at its field in the user's language (components/boot/field-errors.ts);
 * the BFF answers 400 with the field and this English reason. Limits are exported so the form states them before
 * they bite.
 */
export { BOOT_LIMITS };

const Id = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._:@-]+$/, "must be an id (letters, digits, . _ : @ -)");

export const BootSourceFields = z
  .object({
    type: z.enum(["image", "instance-snapshot", "volume", "volume-snapshot"]),
    id: Id,
  })
  .strict();

export const BootPlanRequestFields = z
  .object({
    source: BootSourceFields,
    createVolume: z.boolean().default(false).describe('The "Create new volume" toggle: boot from a new Cinder volume made from the image'),
    volumeSize: z
      .number()
      .int()
      .min(BOOT_LIMITS.volumeSizeMin)
      .max(BOOT_LIMITS.volumeSizeMax)
      .optional()
      .describe("GiB; defaults to minVolumeGiB"),
    volumeType: z.string().min(1).max(255).optional(),
    deleteOnTermination: z.boolean().default(false),
    flavorId: Id.optional(),
    networkIds: z.array(Id).max(BOOT_LIMITS.listMax).default([]),
    securityGroups: z.array(z.string().min(1).max(255)).max(BOOT_LIMITS.listMax).default([]),
    keyName: z.string().min(1).max(255).optional(),
    count: z.number().int().min(BOOT_LIMITS.countMin).max(BOOT_LIMITS.countMax).default(1),
  })
  .strict();

export const BootRequestFields = BootPlanRequestFields.extend({
  // No trim-and-cut: a name longer than the limit is an error at the field, never silently shortened.
  name: z.string().trim().min(1, "name is required").max(BOOT_LIMITS.nameMax),
  flavorId: Id,
  networkIds: z.array(Id).min(1, "choose at least one network").max(BOOT_LIMITS.listMax),
}).strict();

export type BootRequestInput = z.input<typeof BootRequestFields>;
