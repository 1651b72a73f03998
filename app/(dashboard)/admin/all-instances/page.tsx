import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { allProjectsQueries } from "@/lib/queries/all-projects";
import { AllInstancesClient } from "./client";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("allProjects.instancesTitle") };
}

export default async function AllInstancesPage({ searchParams }: Props) {
  const sp = await searchParams;
  const qc = getQueryClient();
  // A member gets 403 here; the failure is not dehydrated and the client shows the forbidden state.
  await prefetch(qc, allProjectsQueries.list("instances", { project: one(sp.project), marker: one(sp.marker) }, await createServerApi()));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <AllInstancesClient />
    </HydrationBoundary>
  );
}
