import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { keypairQueries } from "@/lib/queries/keypairs";
import { KeypairsClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("netnav.keypairs") };
}

export default async function KeypairsPage() {
  const qc = getQueryClient();
  await prefetch(qc, keypairQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <KeypairsClient />
    </HydrationBoundary>
  );
}
