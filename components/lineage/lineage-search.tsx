"use client";

import { useDeferredValue, useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useLineageSearch } from "@/lib/queries/lineage";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { NodeKindBadge } from "./node-kind-badge";

/** Finds RBD images by name, id or RBD spec in the gathered facts; picking one opens its tree at it. */
export function LineageSearch({ onPick }: { onPick: (hit: { spec: string; root: string | null; label: string }) => void }) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q.trim());
  const s = useLineageSearch(deferred);
  const active = deferred.length >= 2;
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="text-sm font-medium">
        {t("lineage.search.label")}
      </label>
      <Input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("lineage.search.placeholder")} />
      {active && s.isFetching && !s.data ? (
        <p className="flex items-center gap-2 text-xs">
          <Spinner />
          {t("common.loading")}
        </p>
      ) : null}
      {active && s.data ? (
        <div role="region" aria-label={t("lineage.search.results")} aria-live="polite">
          <p className="text-xs text-muted-foreground">{t("lineage.search.count", { count: s.data.total, shown: s.data.hits.length })}</p>
          <ul className="divide-y text-sm">
            {s.data.hits.map((h) => (
              <li key={h.spec} className="flex flex-wrap items-center gap-2 py-1.5">
                <NodeKindBadge node={h} />
                <span className="font-medium">{h.owner?.name ?? h.spec.slice(h.spec.indexOf("/") + 1)}</span>
                <code className="text-xs text-muted-foreground">{h.spec}</code>
                {h.root ? (
                  <button
                    type="button"
                    className="ml-auto text-xs text-primary underline"
                    onClick={() => onPick({ spec: h.spec, root: h.root, label: h.owner?.name ?? h.spec })}
                  >
                    {t("lineage.search.show")}
                  </button>
                ) : (
                  <span className="ml-auto text-xs text-muted-foreground">{t("lineage.search.noRoot")}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
