import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { bootQueries } from "@/lib/queries/boot";
import { LaunchClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("boot.title") };
}

/** Prefetches the wizard's options (one BFF round trip); the plan is asked live from the browser. */
export default async function LaunchPage() {
  const qc = getQueryClient();
  await prefetch(qc, bootQueries.options(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <LaunchClient />
    </HydrationBoundary>
  );
}
