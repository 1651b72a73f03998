"use client";

import { useT } from "@/lib/i18n/client";
import { labelOr } from "@/components/resources/status-label";

/**
 * The services that failed while the BFF built this answer (`unavailable`): the page still shows what it has, and
 * says which service is not answering and that the fields needing it are unknown.
 */
export function UnavailableNotice({ unavailable, className }: { unavailable?: { service: string; code: string }[]; className?: string }) {
  const t = useT();
  if (!unavailable?.length) return null;
  return (
    <>
      {unavailable.map((u) => (
        <p key={u.service} role="status" data-service={u.service} className={`bg-warning-soft px-4 py-2 text-xs ${className ?? ""}`}>
          {t("lists.unavailable", { service: labelOr(t, `serviceNames.${u.service}`, u.service) })}
        </p>
      ))}
    </>
  );
}
