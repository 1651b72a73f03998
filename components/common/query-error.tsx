"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface QueryErrorProps {
  /** What failed, in the user's words ("Could not load the service catalog"). */
  title: ReactNode;
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

/**
 * A failed BFF call: the envelope's message (which already names the upstream
 * service), the request id to quote to an operator, and a retry.
 */
export function QueryError({ title, error, onRetry, className }: QueryErrorProps) {
  const t = useT();
  const apiError = isApiError(error) ? error : null;
  const message = apiError?.code === "network" ? t("errors.network") : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      tone="danger"
      title={title}
      className={className}
      action={
        onRetry ? (
          <Button size="sm" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : undefined
      }
    >
      <p>{message}</p>
      {apiError?.requestId ? (
        <p className="mt-1 text-xs">
          {t("common.requestId")}: <code className="font-mono select-all">{apiError.requestId}</code>
          {apiError.upstreamRequestId ? (
            <>
              {" · "}
              {apiError.service ?? t("common.upstream")}: <code className="font-mono select-all">{apiError.upstreamRequestId}</code>
            </>
          ) : null}
        </p>
      ) : null}
    </Alert>
  );
}
