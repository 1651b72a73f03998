import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { importInfoQuery } from "@/lib/queries/images";
import { UploadClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("imageActions.uploadTitle") };
}

export default async function UploadImagePage() {
  const qc = getQueryClient();
  await prefetch(qc, importInfoQuery(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <UploadClient />
    </HydrationBoundary>
  );
}
