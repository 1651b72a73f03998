"use client";

import { useT } from "@/lib/i18n/client";
import { UnavailableNotice } from "@/components/common/unavailable-notice";

/**
 * What a list page says above its rows when the answer is partial: the search stopped at its bound (`truncated`), or
 * a service that only names things failed (`unavailable`). Loaded only when there is something to say.
 */
export default function ListNotices({
  truncated,
  unavailable,
}: {
  truncated?: boolean;
  unavailable?: { service: string; code: string }[];
}) {
  const t = useT();
  return (
    <>
      {truncated ? (
        <p role="status" className="border-b bg-warning-soft px-4 py-2 text-xs">
          {t("lists.truncated")}
        </p>
      ) : null}
      <UnavailableNotice unavailable={unavailable} className="border-b" />
    </>
  );
}
