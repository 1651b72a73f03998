import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { getterOf, listQueryOf, parseListState } from "@/lib/list-state";
import { networkQueries } from "@/lib/queries/networks";
import { NetworksClient } from "./client";
import { networkListSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.networks") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NetworksPage({ searchParams }: Props) {
  const state = parseListState(networkListSpec, getterOf(await searchParams));
  const qc = getQueryClient();
  await prefetch(qc, networkQueries.list(listQueryOf(networkListSpec, state), await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <NetworksClient />
    </HydrationBoundary>
  );
}
