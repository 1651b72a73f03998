import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { flavorQueries } from "@/lib/queries/flavors";
import { FlavorsClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("netnav.flavors") };
}

export default async function FlavorsPage() {
  const qc = getQueryClient();
  await prefetch(qc, flavorQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <FlavorsClient />
    </HydrationBoundary>
  );
}
