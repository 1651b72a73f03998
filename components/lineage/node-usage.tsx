"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import type { LineageNode } from "@/lib/queries/lineage";

/** "X used of Y" when the dashboard reported usage; otherwise "usage unknown of Y", with the reason on hover. */
export function NodeUsage({ node }: { node: Pick<LineageNode, "provisionedBytes" | "usedBytes" | "usageNote"> }) {
  const t = useT();
  const locale = useLocale();
  const provisioned = formatBytes(node.provisionedBytes, locale) ?? "—";
  if (node.usedBytes !== null)
    return (
      <span className="ml-auto text-xs text-muted-foreground tabular-nums">
        {t("lineage.usage", { used: formatBytes(node.usedBytes, locale) ?? "—", provisioned })}
      </span>
    );
  const why = node.usageNote === "dashboard" ? "not_reported" : node.usageNote;
  return (
    <span className="ml-auto text-xs text-muted-foreground tabular-nums" title={t(`lineage.usageNote.${why}`)} data-usage-note={why}>
      {t("lineage.usageUnknown", { provisioned })}
    </span>
  );
}
