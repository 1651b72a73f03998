import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { imageDetailQuery } from "@/lib/queries/images";
import { ImageClient } from "./client";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("imageActions.detailTitle") };
}

export default async function ImagePage({ params }: Props) {
  const { id } = await params;
  const qc = getQueryClient();
  await prefetch(qc, imageDetailQuery(id, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ImageClient id={id} />
    </HydrationBoundary>
  );
}
