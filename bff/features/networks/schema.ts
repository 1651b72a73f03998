import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta } from "../../lib/list-schemas";
import { NetworkCreateFields, PortCreateFields } from "../../../lib/schemas/network";

/** The forms' own schemas (lib/schemas/network.ts), named for the OpenAPI document. */
export const NetworkCreateSchema = NetworkCreateFields.openapi("NetworkCreate");
export const PortCreateSchema = PortCreateFields.openapi("PortCreate");

export const NETWORK_SORTS = ["name", "status"] as const;

export const NetworkListQuery = listQuery(NETWORK_SORTS, "name", "asc");

export const NetworkSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string().openapi({ example: "ACTIVE" }),
    adminStateUp: z.boolean(),
    shared: z.boolean(),
    external: z.boolean(),
    own: z.boolean().openapi({ description: "Owned by the session's project" }),
    subnets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        cidr: z.string().openapi({ example: "10.0.0.0/24" }),
        ipVersion: z.number().int(),
        gateway: z.string().nullable(),
        dhcp: z.boolean().nullable(),
      }),
    ),
  })
  .openapi("NetworkSummary");

export const NetworkListSchema = z.object({ items: z.array(NetworkSummarySchema), ...PageMeta }).openapi("NetworkList");

export type NetworkListParams = z.infer<typeof NetworkListQuery>;
export type NetworkSummary = z.infer<typeof NetworkSummarySchema>;

export const PortKindSchema = z.enum(["instance", "router", "gateway", "dhcp", "floatingip", "other", "none"]).openapi("PortKind");

export const PortSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    macAddress: z.string(),
    fixedIps: z.array(z.object({ subnetId: z.string(), ipAddress: z.string() })),
    kind: PortKindSchema.openapi({ description: "Who owns the port, from device_owner" }),
    deviceId: z.string(),
    deletable: z.boolean(),
    reason: z
      .enum(["owned_by_instance", "owned_by_router", "owned_by_network", "owned_by_floatingip"])
      .nullable()
      .openapi({ description: "Why the port cannot be deleted here (detach it from its owner instead)" }),
  })
  .openapi("PortSummary");

export const NetworkDetailSchema = z
  .object({
    network: NetworkSummarySchema,
    subnets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        cidr: z.string(),
        gateway: z.string().nullable(),
        dhcp: z.boolean(),
        allocationPools: z.array(z.object({ start: z.string(), end: z.string() })),
      }),
    ),
    ports: z.array(PortSummarySchema),
  })
  .openapi("NetworkDetail");

export const NetworkIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
export const PortParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
  portId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "portId", in: "path" } }),
});

export type PortSummary = z.infer<typeof PortSummarySchema>;
export type NetworkDetail = z.infer<typeof NetworkDetailSchema>;
