import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { lineageQueries } from "@/lib/queries/lineage";
import { LineageClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("lineage.title") };
}

export default async function LineagePage() {
  const qc = getQueryClient();
  // A member gets 403 and an unconfigured Ceph 503: neither is dehydrated; the client shows the state.
  await prefetch(qc, lineageQueries.summary(undefined, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <LineageClient />
    </HydrationBoundary>
  );
}
