import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { NetworkListQuery, NetworkListSchema } from "../../features/networks/schema";

export const list = createRoute({
  method: "get",
  path: "/networks",
  tags: ["networks"],
  summary: "A page of the networks the project can use, with their subnets and CIDRs",
  request: { query: NetworkListQuery },
  responses: {
    200: { content: { "application/json": { schema: NetworkListSchema } }, description: "A page of networks" },
    ...errorResponses,
  },
});
export type ListRoute = typeof list;
