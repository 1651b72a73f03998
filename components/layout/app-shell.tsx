"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useSession } from "@/lib/queries/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { AppHeader } from "./app-header";
import { AppSidebar } from "./app-sidebar";
import type { NavSection } from "@/lib/nav";

function ShellSkeleton() {
  return (
    <div className="flex min-h-dvh" aria-busy="true">
      <div className="hidden w-56 shrink-0 border-r bg-surface p-3 lg:block">
        <Skeleton className="mb-6 h-8 w-36" />
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="mb-2 h-6 w-full" />
        ))}
      </div>
      <div className="flex-1">
        <div className="h-12 border-b bg-surface" />
      </div>
    </div>
  );
}

/** The signed-in frame: sidebar, header, and the page in <main>. Reads the (prefetched) session. */
export function AppShell({ children, nav }: { children: ReactNode; nav: readonly NavSection[] }) {
  const t = useT();
  const session = useSession();

  if (session.isPending) return <ShellSkeleton />;
  if (session.isError) {
    const gone = isApiError(session.error) && session.error.status === 401;
    return (
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center p-6">
        {gone ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <Spinner /> {t("errors.redirecting")}
          </p>
        ) : (
          <Alert
            tone="danger"
            title={t("overview.sessionError")}
            action={<Button onClick={() => session.refetch()}>{t("common.retry")}</Button>}
          >
            {session.error.message}
          </Alert>
        )}
      </main>
    );
  }

  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        {t("app.skipToContent")}
      </a>
      <AppSidebar session={session.data} nav={nav} />
      <div className="flex min-w-0 flex-1 flex-col">
        <AppHeader session={session.data} />
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-5 outline-none lg:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
