import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { catalogQueries } from "@/lib/queries/catalog";
import { OverviewClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("overview.title") };
}

export default async function OverviewPage() {
  const qc = getQueryClient();
  await prefetch(qc, catalogQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <OverviewClient />
    </HydrationBoundary>
  );
}
