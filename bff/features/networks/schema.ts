import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta } from "../../lib/list-schemas";

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
