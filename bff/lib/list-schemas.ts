import { z } from "@hono/zod-openapi";

/** An OpenStack id as a path or marker value: no slashes, no query characters. */
export const ResourceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id (letters, digits, _ and -)");

/** The list query every resource page takes: one page, an optional search and an order. */
export function listQuery<S extends readonly [string, ...string[]]>(sorts: S, defaultSort: S[number], defaultDir: "asc" | "desc") {
  return z.object({
    limit: z.coerce.number().int().min(1).max(200).default(25).openapi({ description: "Page size (1–200)" }),
    marker: ResourceId.optional().openapi({ description: "The last id of the previous page" }),
    search: z.string().trim().max(100).optional().openapi({ description: "Case-insensitive text in the name or id" }),
    sort: z.enum(sorts as unknown as [S[number], ...S[number][]]).default(defaultSort),
    dir: z.enum(["asc", "desc"]).default(defaultDir),
  });
}

/** Paging facts every list answer carries next to its items. */
/** A service that failed while the list was built: the list still answers, and the fields that needed it are null. */
export const UnavailableSchema = z
  .array(
    z.object({
      service: z.string().openapi({ example: "compute" }),
      code: z.string().openapi({ example: "upstream_unreachable" }),
    }),
  )
  .openapi({ description: "Services that failed while building the page; the fields that need them are null (unknown), not absent" });

export const PageMeta = {
  nextMarker: z.string().nullable().openapi({ description: "Pass as `marker` for the next page; null on the last page" }),
  mode: z
    .enum(["upstream", "scanned"])
    .openapi({ description: "`upstream`: the service paged it; `scanned`: Zenith walked the list to search or sort" }),
  truncated: z.boolean().openapi({ description: "The scan stopped at its bound; later items were not searched" }),
};
