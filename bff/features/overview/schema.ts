import { z } from "@hono/zod-openapi";

/** The Overview page's catalog: the services in the token's catalog for the session's region and interface. */
export const CatalogServiceSchema = z
  .object({ type: z.string(), name: z.string(), url: z.string(), interface: z.string(), region: z.string() })
  .openapi("CatalogService");
export const CatalogSchema = z.object({ services: z.array(CatalogServiceSchema) }).openapi("Catalog");

export const QuotaBarSchema = z
  .object({
    resource: z.string().openapi({ example: "cores" }),
    volumeType: z
      .string()
      .nullable()
      .openapi({ description: "Cinder's per-type quota (volumes_<type>, gigabytes_<type>, snapshots_<type>)" }),
    used: z.number(),
    reserved: z.number(),
    limit: z.number().nullable().openapi({ description: "null: unlimited (-1 upstream)" }),
  })
  .openapi("QuotaBar");

export const QuotaUsageSchema = z
  .object({
    compute: z.array(QuotaBarSchema),
    volume: z.array(QuotaBarSchema),
    network: z.array(QuotaBarSchema),
    unavailable: z.array(z.object({ service: z.string(), code: z.string() })),
  })
  .openapi("QuotaUsage");
export type QuotaBar = z.infer<typeof QuotaBarSchema>;
export type QuotaUsage = z.infer<typeof QuotaUsageSchema>;

export const RecentActionSchema = z
  .object({
    serverId: z.string(),
    serverName: z.string(),
    action: z.string().openapi({ example: "reboot" }),
    at: z.string(),
    requestId: z.string(),
    mine: z.boolean().openapi({ description: "Started by the signed-in user" }),
    message: z.string().nullable(),
  })
  .openapi("RecentAction");
export const RecentActionsSchema = z
  .object({
    items: z.array(RecentActionSchema),
    serversRead: z.number().int().openapi({ description: "How many of the project's most recently updated servers were read" }),
  })
  .openapi("RecentActions");
export type RecentActions = z.infer<typeof RecentActionsSchema>;
