import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { instanceQueries } from "@/lib/queries/instances";
import { InstanceClient } from "./client";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("instances.detailTitle") };
}

export default async function InstancePage({ params }: Props) {
  const { id } = await params;
  const qc = getQueryClient();
  await prefetch(qc, instanceQueries.detail(id, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <InstanceClient id={id} />
    </HydrationBoundary>
  );
}
