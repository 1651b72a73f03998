import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";

export const CatalogServiceSchema = z
  .object({ type: z.string(), name: z.string(), url: z.string(), interface: z.string(), region: z.string() })
  .openapi("CatalogService");
export const CatalogSchema = z.object({ services: z.array(CatalogServiceSchema) }).openapi("Catalog");

export const list = createRoute({
  method: "get", path: "/catalog", tags: ["catalog"],
  summary: "The services in the token's catalog for the session's region and interface",
  responses: { 200: { content: { "application/json": { schema: CatalogSchema } }, description: "Catalog" }, ...errorResponses },
});
export type ListRoute = typeof list;
