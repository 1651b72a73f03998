import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { systemQueries } from "@/lib/queries/system";
import { SystemClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("system.title") };
}

export default async function SystemPage() {
  const qc = getQueryClient();
  // A member gets 403 here; the failure is not dehydrated and the client shows the forbidden state.
  await prefetch(qc, systemQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <SystemClient />
    </HydrationBoundary>
  );
}
