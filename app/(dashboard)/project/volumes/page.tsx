import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { getterOf, listQueryOf, parseListState } from "@/lib/list-state";
import { volumeQueries } from "@/lib/queries/volumes";
import { VolumesClient } from "./client";
import { volumeListSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.volumes") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VolumesPage({ searchParams }: Props) {
  const state = parseListState(volumeListSpec, getterOf(await searchParams));
  const qc = getQueryClient();
  await prefetch(qc, volumeQueries.list(listQueryOf(volumeListSpec, state), await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <VolumesClient />
    </HydrationBoundary>
  );
}
