import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { volumeQueries } from "@/lib/queries/volumes";
import { VolumeClient } from "./client";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("volumeActions.detailTitle") };
}

export default async function VolumePage({ params }: Props) {
  const { id } = await params;
  const qc = getQueryClient();
  await prefetch(qc, volumeQueries.detail(id, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <VolumeClient id={id} />
    </HydrationBoundary>
  );
}
