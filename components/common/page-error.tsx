"use client";

// The body of app/(dashboard)/error.tsx, loaded when a page has thrown (not with every page).

import Link from "next/link";
import { useEffect } from "react";
import { useT } from "@/lib/i18n/client";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** A page in the signed-in area threw while rendering: report it, offer a retry. */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  useEffect(() => {
    console.error("[zenith] page error", error.digest ?? "", error);
  }, [error]);
  return (
    <Card role="alert">
      <EmptyState
        icon="alert"
        title={t("errors.title")}
        description={
          <>
            {t("errors.body")}
            {error.digest ? <span className="mt-2 block font-mono text-xs">{t("errors.digest", { digest: error.digest })}</span> : null}
          </>
        }
        action={
          <div className="flex gap-2">
            <Button variant="primary" onClick={reset}>
              {t("common.retry")}
            </Button>
            <Link href="/project" className={buttonVariants({ variant: "secondary" })}>
              {t("errors.home")}
            </Link>
          </div>
        }
      />
    </Card>
  );
}
