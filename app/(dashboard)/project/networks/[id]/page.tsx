import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { networkDetailQueries } from "@/lib/queries/networks";
import { NetworkDetailClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.networks") };
}

export default async function NetworkDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const qc = getQueryClient();
  await prefetch(qc, networkDetailQueries.detail(id, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <NetworkDetailClient id={id} />
    </HydrationBoundary>
  );
}
