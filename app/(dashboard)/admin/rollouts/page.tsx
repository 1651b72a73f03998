import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { rolloutQueries } from "@/lib/queries/rollouts";
import { RolloutsClient } from "./client";
import { parseRunParam } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rollouts.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RolloutsPage({ searchParams }: Props) {
  const runId = parseRunParam((await searchParams).run);
  const qc = getQueryClient();
  const client = await createServerApi();
  // A member gets 403 here; the failure is not dehydrated and the client shows the forbidden state.
  await Promise.all([
    prefetch(qc, rolloutQueries.pools(client)),
    prefetch(qc, rolloutQueries.runs(client)),
    runId ? prefetch(qc, rolloutQueries.run(runId, client)) : null,
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RolloutsClient initialRunId={runId} />
    </HydrationBoundary>
  );
}
