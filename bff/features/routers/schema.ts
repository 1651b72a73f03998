import { z } from "@hono/zod-openapi";
import { RouterCreateFields, RouterGatewayFields, RouterInterfaceFields } from "../../../lib/schemas/network";

/** The forms' own schemas (lib/schemas/network.ts), named for the OpenAPI document. */
export const RouterCreateSchema = RouterCreateFields.openapi("RouterCreate");
export const RouterGatewaySchema = RouterGatewayFields.openapi("RouterGateway");
export const RouterInterfaceSchema = RouterInterfaceFields.openapi("RouterInterface");

export const RouterSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    adminStateUp: z.boolean(),
    gateway: z
      .object({ networkId: z.string(), networkName: z.string(), ips: z.array(z.string()) })
      .nullable()
      .openapi({ description: "The external gateway, or null" }),
    interfaces: z.array(
      z.object({ portId: z.string(), subnetId: z.string(), ipAddress: z.string(), networkId: z.string(), networkName: z.string() }),
    ),
  })
  .openapi("RouterSummary");

export const RouterListSchema = z
  .object({
    items: z.array(RouterSummarySchema),
    externalNetworks: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: "Where a gateway can go" }),
    subnets: z
      .array(z.object({ id: z.string(), name: z.string(), cidr: z.string(), networkId: z.string(), networkName: z.string() }))
      .openapi({ description: "The project's subnets (with a gateway address) that an interface can join" }),
  })
  .openapi("RouterList");

export const RouterIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
export const RouterInterfaceParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
  subnetId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "subnetId", in: "path" } }),
});

export type RouterSummary = z.infer<typeof RouterSummarySchema>;
export type RouterList = z.infer<typeof RouterListSchema>;
