import { z } from "@hono/zod-openapi";

export const FlavorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    vcpus: z.number().int(),
    ramMiB: z.number().int(),
    diskGiB: z.number().int().openapi({ description: "Root disk; 0 means the image's size (or a volume for boot-from-volume)" }),
    ephemeralGiB: z.number().int(),
    isPublic: z.boolean(),
    description: z.string().nullable(),
  })
  .openapi("Flavor");
export const FlavorListSchema = z.object({ items: z.array(FlavorSchema) }).openapi("FlavorList");
export type Flavor = z.infer<typeof FlavorSchema>;
