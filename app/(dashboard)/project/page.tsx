import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { overviewQueries } from "@/lib/queries/overview";
import { OverviewClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("overview.title") };
}

export default async function OverviewPage() {
  const qc = getQueryClient();
  const client = await createServerApi();
  await Promise.all([prefetch(qc, overviewQueries.list(client)), prefetch(qc, overviewQueries.quotas(client))]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <OverviewClient />
    </HydrationBoundary>
  );
}
