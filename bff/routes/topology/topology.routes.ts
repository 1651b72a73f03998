import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { TopologySchema } from "../../features/topology/schema";

export const get = createRoute({
  method: "get",
  path: "/topology",
  tags: ["networks"],
  summary: "The project's network graph: networks, routers and instances, and the links between them with addresses",
  responses: { 200: { content: { "application/json": { schema: TopologySchema } }, description: "Nodes and edges" }, ...errorResponses },
});
export type GetRoute = typeof get;
