"use client";

import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

interface PagerProps {
  cursor: string[];
  nextMarker: string | null | undefined;
  count: number;
  fetching: boolean;
  onPage: (cursor: string[]) => void;
}

/** Previous/next over limit/marker pages; the trail of markers lives in the URL. */
export function Pager({ cursor, nextMarker, count, fetching, onPage }: PagerProps) {
  const t = useT();
  return (
    <nav
      aria-label={t("lists.pagination")}
      className="flex items-center justify-between gap-3 border-t px-4 py-2.5 text-xs text-muted-foreground"
    >
      <span aria-live="polite" className="inline-flex items-center gap-2">
        {t("lists.pageInfo", { page: cursor.length + 1, count })}
        {fetching ? <Spinner label={t("common.loading")} className="size-3" /> : null}
      </span>
      <div className="flex gap-2">
        <Button size="sm" disabled={!cursor.length} onClick={() => onPage(cursor.slice(0, -1))}>
          {t("lists.previous")}
        </Button>
        <Button size="sm" disabled={!nextMarker} onClick={() => nextMarker && onPage([...cursor, nextMarker])}>
          {t("lists.next")}
        </Button>
      </div>
    </nav>
  );
}
