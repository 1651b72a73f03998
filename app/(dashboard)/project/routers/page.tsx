import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { routerQueries } from "@/lib/queries/routers";
import { RoutersClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("netnav.routers") };
}

export default async function RoutersPage() {
  const qc = getQueryClient();
  await prefetch(qc, routerQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RoutersClient />
    </HydrationBoundary>
  );
}
