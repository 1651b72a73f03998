import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { floatingIpQueries } from "@/lib/queries/floating-ips";
import { FloatingIpsClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("netnav.floatingIps") };
}

export default async function FloatingIpsPage() {
  const qc = getQueryClient();
  await prefetch(qc, floatingIpQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <FloatingIpsClient />
    </HydrationBoundary>
  );
}
