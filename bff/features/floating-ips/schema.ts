import { z } from "@hono/zod-openapi";
import { FloatingIpAllocateFields, FloatingIpAssociateFields } from "../../../lib/schemas/network";

/** The forms' own schemas (lib/schemas/network.ts), named for the OpenAPI document. */
export const FloatingIpAllocateSchema = FloatingIpAllocateFields.openapi("FloatingIpAllocate");
export const FloatingIpAssociateSchema = FloatingIpAssociateFields.openapi("FloatingIpAssociate");

export const FloatingIpSchema = z
  .object({
    id: z.string(),
    address: z.string().openapi({ example: "198.51.100.23" }),
    networkId: z.string(),
    networkName: z.string(),
    status: z.string(),
    description: z.string(),
    portId: z.string().nullable(),
    fixedIp: z.string().nullable(),
    routerId: z.string().nullable(),
    instance: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: "The instance whose port it maps to" }),
  })
  .openapi("FloatingIp");

export const FloatingIpTargetSchema = z
  .object({
    portId: z.string(),
    fixedIp: z.string(),
    networkName: z.string(),
    instance: z.object({ id: z.string(), name: z.string() }),
    reachableFrom: z
      .array(z.string())
      .openapi({ description: "External networks a router connects this port's subnet to (Neutron needs one to associate)" }),
  })
  .openapi("FloatingIpTarget");

export const FloatingIpListSchema = z
  .object({
    items: z.array(FloatingIpSchema),
    externalNetworks: z.array(z.object({ id: z.string(), name: z.string() })),
    targets: z.array(FloatingIpTargetSchema).openapi({ description: "Instance ports a floating IP can be associated with" }),
  })
  .openapi("FloatingIpList");

export const FloatingIpIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

export type FloatingIp = z.infer<typeof FloatingIpSchema>;
export type FloatingIpTarget = z.infer<typeof FloatingIpTargetSchema>;
export type FloatingIpList = z.infer<typeof FloatingIpListSchema>;
