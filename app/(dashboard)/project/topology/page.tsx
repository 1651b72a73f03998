import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { topologyQueries } from "@/lib/queries/topology";
import { TopologyClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("netnav.topology") };
}

export default async function TopologyPage() {
  const qc = getQueryClient();
  await prefetch(qc, topologyQueries.graph(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <TopologyClient />
    </HydrationBoundary>
  );
}
