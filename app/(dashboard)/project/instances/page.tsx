import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { getterOf, listQueryOf, parseListState } from "@/lib/list-state";
import { instanceQueries } from "@/lib/queries/instances";
import { InstancesClient } from "./client";
import { instanceListSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.instances") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InstancesPage({ searchParams }: Props) {
  const state = parseListState(instanceListSpec, getterOf(await searchParams));
  const qc = getQueryClient();
  await prefetch(qc, instanceQueries.list(listQueryOf(instanceListSpec, state), await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <InstancesClient />
    </HydrationBoundary>
  );
}
