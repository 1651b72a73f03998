import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { auditQueries } from "@/lib/queries/audit";
import { AuditClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("audit.title") };
}

export default async function AuditPage() {
  const qc = getQueryClient();
  // A member gets 403: the failure is not dehydrated and the client shows the forbidden state.
  await qc.prefetchInfiniteQuery(auditQueries.list({}, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <AuditClient />
    </HydrationBoundary>
  );
}
