import { z } from "@hono/zod-openapi";

/** The Overview page's catalog: the services in the token's catalog for the session's region and interface. */
export const CatalogServiceSchema = z
  .object({ type: z.string(), name: z.string(), url: z.string(), interface: z.string(), region: z.string() })
  .openapi("CatalogService");
export const CatalogSchema = z.object({ services: z.array(CatalogServiceSchema) }).openapi("Catalog");
