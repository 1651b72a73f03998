import { z } from "zod";

/**
 * The instance actions' inputs, one schema each for the dialog's form and the BFF's route
 * (bff/features/instances/schema.ts adds the OpenAPI names). Nova's own limits: an image name of 1–255 characters.
 */
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:@-]+$/, "must be an id (letters, digits, . _ : @ -)");

export const SnapshotFields = z
  .object({ name: z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters") })
  .strict();
export const ResizeFields = z.object({ action: z.literal("resize"), flavorId: Id }).strict();
export const RebuildFields = z.object({ action: z.literal("rebuild"), imageId: Id }).strict();
export const AttachVolumeFields = z.object({ volumeId: Id }).strict();
/** One of: a new port on a network, or an existing port of the project. */
export const AttachPortFields = z
  .object({ networkId: Id.optional(), portId: Id.optional() })
  .strict()
  .refine((b) => !!b.networkId !== !!b.portId, { message: "give a networkId or a portId, not both", path: ["networkId"] });
export const RemoteConsoleFields = z.object({ protocol: z.enum(["vnc", "spice"]).default("vnc") }).strict();

export type SnapshotInput = z.infer<typeof SnapshotFields>;
export type AttachPortInput = z.infer<typeof AttachPortFields>;
