"use client";

import { Fragment } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import type { LineageRoot } from "@/lib/queries/lineage";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { preloadLineageTree, RootTree } from "./root-tree";
import { SpaceCell } from "./space-cell";

const KINDS = ["root-disk", "volume", "instance-snapshot", "other"] as const;

/** One row per root image; a row opens its tree, fetched then. `open` is controlled so a search hit can open one. */
export function LineageRoots({
  roots,
  open,
  onToggle,
  highlight,
}: {
  roots: LineageRoot[];
  open: Set<string>;
  onToggle: (root: string) => void;
  highlight: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="divide-y" aria-label={t("lineage.roots.label")}>
      {roots.map((r) => {
        const isOpen = open.has(r.root);
        const panel = `tree-panel-${r.root.replace(/[^A-Za-z0-9]/g, "-")}`;
        const kids = KINDS.filter((k) => r.children[k] > 0);
        return (
          <Fragment key={r.root}>
            <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm" data-root={r.root} data-tree={r.label}>
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={isOpen}
                aria-controls={isOpen ? panel : undefined}
                onClick={() => onToggle(r.root)}
                onPointerEnter={preloadLineageTree}
                onFocus={preloadLineageTree}
                aria-label={t(isOpen ? "lineage.roots.close" : "lineage.roots.open", { image: r.label })}
              >
                <span aria-hidden>{isOpen ? "▾" : "▸"}</span>
              </Button>
              <span className="font-medium">{r.label}</span>
              {r.orphan ? (
                <Badge tone="danger" dot>
                  {t("lineage.kind.orphan")}
                </Badge>
              ) : null}
              <span className="text-xs text-muted-foreground">
                {kids.length
                  ? kids.map((k) => t(`lineage.roots.kindCount.${k}`, { count: r.children[k] })).join(" · ")
                  : t("lineage.roots.noClones")}
              </span>
              {r.orphans > 0 ? <Badge tone="warning">{t("lineage.roots.orphans", { count: r.orphans })}</Badge> : null}
              <span className="ml-auto text-xs text-muted-foreground tabular-nums">
                {t("lineage.usage", {
                  used: formatBytes(r.usedBytes, locale) ?? "—",
                  provisioned: formatBytes(r.provisionedBytes, locale) ?? "—",
                })}
                {r.usedUnknown > 0 ? ` ${t("lineage.roots.usedUnknown", { count: r.usedUnknown })}` : ""}
              </span>
              <span className="text-xs">
                <SpaceCell space={r.space} />
              </span>
              <span className={`text-xs ${r.deletable ? "text-success" : "text-warning"}`}>
                {r.deletable ? t("lineage.roots.deletable") : t("lineage.cantDelete", { count: r.blockedBy })}
              </span>
            </li>
            {isOpen ? (
              <li id={panel} className="px-2 pb-2">
                <RootTree root={r.root} label={r.label} highlight={highlight} />
              </li>
            ) : null}
          </Fragment>
        );
      })}
    </ul>
  );
}
