import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { getterOf, listQueryOf, parseListState } from "@/lib/list-state";
import { imageQueries } from "@/lib/queries/images";
import { ImagesClient } from "./client";
import { imageListSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.images") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImagesPage({ searchParams }: Props) {
  const state = parseListState(imageListSpec, getterOf(await searchParams));
  const qc = getQueryClient();
  await prefetch(qc, imageQueries.list(listQueryOf(imageListSpec, state), await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ImagesClient />
    </HydrationBoundary>
  );
}
