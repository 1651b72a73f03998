"use client";

import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";

type Reason = "not_configured" | "not_answering" | "paused" | "login_refused";
const REASONS: readonly Reason[] = ["not_configured", "not_answering", "paused", "login_refused"];

/** Why the Ceph Dashboard is unavailable, from the 503's details (reason + url, cause, retryAfterS). */
export function CephUnavailableText({ error }: { error: unknown }) {
  const t = useT();
  const d = (isApiError(error) ? error.details : null) as { reason?: string; url?: string; cause?: string; retryAfterS?: number } | null;
  const reason = REASONS.find((r) => r === d?.reason);
  if (!reason) return <>{error instanceof Error ? error.message : null}</>;
  return <>{t(`lineage.ceph.${reason}`, { url: d?.url ?? "", cause: d?.cause ?? "", seconds: d?.retryAfterS ?? 0 })}</>;
}
