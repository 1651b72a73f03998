"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import type { FanoutBytes } from "@/lib/queries/lineage-fanout";

/** Bytes with their basis: "≈" for an estimate, "≤" for an upper bound, "unknown" otherwise; the why on hover. */
export function FanoutBytesText({ value }: { value: FanoutBytes }) {
  const t = useT();
  const locale = useLocale();
  if (value.bytes === null || value.basis === "unknown")
    return (
      <span title={t("lineageFanout.basis.unknown")} data-basis="unknown">
        {t("lineageFanout.unknown")}
      </span>
    );
  const b = formatBytes(value.bytes, locale) ?? "—";
  return (
    <span title={t(`lineageFanout.basis.${value.basis}`)} data-basis={value.basis} className="tabular-nums">
      {t(`lineageFanout.marker.${value.basis}`, { bytes: b })}
    </span>
  );
}
