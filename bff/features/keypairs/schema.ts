import { z } from "@hono/zod-openapi";
import { KeypairCreateFields } from "../../../lib/schemas/keypair";

/** The key-pair form's own schema (lib/schemas/keypair.ts), named for the OpenAPI document. */
export const KeypairCreateSchema = KeypairCreateFields.openapi("KeypairCreate");

export const KeypairSchema = z
  .object({
    name: z.string(),
    fingerprint: z.string().openapi({ example: "e0:9e:8a:b4:c3:88:47:e6:74:25:9d:9b:0d:19:f6:b7" }),
    type: z.string().openapi({ example: "ssh" }),
  })
  .openapi("Keypair");

export const KeypairListSchema = z.object({ items: z.array(KeypairSchema) }).openapi("KeypairList");

export const KeypairCreatedSchema = KeypairSchema.extend({
  privateKey: z
    .string()
    .nullable()
    .openapi({ description: "The generated private key, answered this once and never stored; null for an imported key" }),
}).openapi("KeypairCreated");

export const KeypairNameParams = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: "name", in: "path" }, example: "my-key" }),
});

export type Keypair = z.infer<typeof KeypairSchema>;
export type KeypairCreated = z.infer<typeof KeypairCreatedSchema>;
