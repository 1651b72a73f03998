import { createRoute } from "@hono/zod-openapi";
import { CatalogSchema } from "../../features/overview/schema";
import { errorResponses } from "../../errors";

export const list = createRoute({
  method: "get",
  path: "/catalog",
  tags: ["catalog"],
  summary: "The services in the token's catalog for the session's region and interface",
  responses: { 200: { content: { "application/json": { schema: CatalogSchema } }, description: "Catalog" }, ...errorResponses },
});
export type ListRoute = typeof list;
