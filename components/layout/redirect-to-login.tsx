"use client";

import { useEffect } from "react";
import { useT } from "@/lib/i18n/client";
import { loginUrlFor } from "@/lib/api/client";
import { Spinner } from "@/components/ui/spinner";

/** Rendered by the dashboard layout when there is no session: go to /login, keeping this page as `next`. */
export function RedirectToLogin() {
  const t = useT();
  useEffect(() => {
    window.location.replace(loginUrlFor(window.location));
  }, []);
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner /> {t("errors.redirecting")}
      </p>
    </main>
  );
}
