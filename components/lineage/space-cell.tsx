"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import type { LineageRoot } from "@/lib/queries/lineage";

/** Clones' bytes shared with their parents against full copies, with how certain the shared figure is. */
export function SpaceCell({ space }: { space: LineageRoot["space"] }) {
  const t = useT();
  const locale = useLocale();
  if (space.clones === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="tabular-nums" data-certainty={space.certainty} title={t(`lineage.space.certainty.${space.certainty}`)}>
      {t("lineage.space.cell", {
        shared: formatBytes(space.sharedBytes, locale) ?? "—",
        full: formatBytes(space.fullCopyBytes, locale) ?? "—",
      })}
      {space.certainty !== "proven" ? (
        <span className="ml-1 text-xs text-warning">{t(`lineage.space.short.${space.certainty}`)}</span>
      ) : null}
    </span>
  );
}
