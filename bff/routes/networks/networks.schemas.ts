import { z } from "@hono/zod-openapi";
import { NETWORK_SORTS } from "../../features/networks/list-networks";
import { listQuery, PageMeta } from "../../lib/list-schemas";

export const NetworkListQuery = listQuery(NETWORK_SORTS, "name", "asc");

export const NetworkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().openapi({ example: "ACTIVE" }),
  adminStateUp: z.boolean(),
  shared: z.boolean(),
  external: z.boolean(),
  own: z.boolean().openapi({ description: "Owned by the session's project" }),
  subnets: z.array(z.object({
    id: z.string(), name: z.string(), cidr: z.string().openapi({ example: "10.0.0.0/24" }), ipVersion: z.number().int(),
    gateway: z.string().nullable(), dhcp: z.boolean().nullable(),
  })),
}).openapi("NetworkSummary");

export const NetworkListSchema = z.object({ items: z.array(NetworkSummarySchema), ...PageMeta }).openapi("NetworkList");
