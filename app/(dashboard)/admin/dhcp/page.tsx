import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { DEFAULT_DHCP_TARGET, dhcpQueries } from "@/lib/queries/dhcp";
import { DhcpClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("dhcp.title") };
}

export default async function DhcpPage() {
  const qc = getQueryClient();
  // A member gets 403 here; the failure is not dehydrated and the client shows the forbidden state.
  // The summary and the first page of networks, together: the first screen needs no API call from the browser.
  const api = await createServerApi();
  await Promise.all([
    prefetch(qc, dhcpQueries.audit(DEFAULT_DHCP_TARGET, api)),
    prefetch(qc, dhcpQueries.networks({ target: DEFAULT_DHCP_TARGET, offset: 0, below: false, q: "" }, api)),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DhcpClient />
    </HydrationBoundary>
  );
}
