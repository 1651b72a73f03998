import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { sessionQueries } from "@/lib/queries/auth";
import { AppShell } from "@/components/layout/app-shell";
import { navSections } from "@/lib/nav-sections";
import { RedirectToLogin } from "@/components/layout/redirect-to-login";

/** Server layout of the signed-in area: prefetch the session; without one, go to /login. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const qc = getQueryClient();
  const status = await prefetch(qc, sessionQueries.current(await createServerApi()));
  if (status === 401) return <RedirectToLogin />;
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <AppShell nav={navSections}>{children}</AppShell>
    </HydrationBoundary>
  );
}
