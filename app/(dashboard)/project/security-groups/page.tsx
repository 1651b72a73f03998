import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { securityGroupQueries } from "@/lib/queries/security-groups";
import { SecurityGroupsClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("netnav.securityGroups") };
}

export default async function SecurityGroupsPage() {
  const qc = getQueryClient();
  await prefetch(qc, securityGroupQueries.list(await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <SecurityGroupsClient />
    </HydrationBoundary>
  );
}
