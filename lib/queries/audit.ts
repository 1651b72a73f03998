import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { AuditEntry, AuditLogPage } from "@/lib/api/types";

export type AuditResultFilter = AuditEntry["result"];
export interface AuditFilters {
  user?: string;
  action?: string;
  result?: AuditResultFilter;
}

export const AUDIT_PAGE = 50;

export const auditKeys = {
  all: ["audit"] as const,
  list: (f: AuditFilters) => [...auditKeys.all, "list", f] as const,
};

/** Drops empty filters so they are neither sent nor part of the key. */
export const cleanFilters = (f: AuditFilters): AuditFilters => Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as AuditFilters;

export const auditQueries = {
  /** The log newest first, a page at a time; the next page starts before the last id shown. */
  list: (filters: AuditFilters, client: ApiClient = api) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(cleanFilters(filters)),
      initialPageParam: undefined as number | undefined,
      queryFn: async ({ pageParam, signal }): Promise<AuditLogPage> =>
        request(
          client.GET("/api/admin/audit", { params: { query: { ...cleanFilters(filters), limit: AUDIT_PAGE, before: pageParam } }, signal }),
        ),
      getNextPageParam: (last) => last.nextBefore ?? undefined,
      staleTime: 10_000,
    }),
};

export const useAuditLog = (filters: AuditFilters) => useInfiniteQuery(auditQueries.list(filters));

/** Same-origin URL of the JSON-lines export with these filters. */
export function auditExportUrl(filters: AuditFilters): string {
  const q = new URLSearchParams(cleanFilters(filters) as Record<string, string>).toString();
  return `/api/admin/audit/export${q ? `?${q}` : ""}`;
}
