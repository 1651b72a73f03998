import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { infrastructureQueries } from "@/lib/queries/infrastructure";
import { InfrastructureClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("infrastructure.title") };
}

export default async function InfrastructurePage() {
  const qc = getQueryClient();
  // A member gets 403 here; the failure is not dehydrated and the client shows the forbidden state.
  await prefetch(qc, infrastructureQueries.get(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <InfrastructureClient />
    </HydrationBoundary>
  );
}
