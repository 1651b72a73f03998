import { useT } from "@/lib/i18n/client";
import type { LineageSummary } from "@/lib/queries/lineage";
import { Alert } from "@/components/ui/alert";

const SERVICE = { glance: "Glance", nova: "Nova", cinder: "Cinder" } as const;

/**
 * The owner walks of a Lineage gather that did not reach their end (bound, failed, a Nova cell down): what Lineage
 * and its fan-out say about owners in those pools is incomplete, and the page says which and why.
 */
export function WalksAlert({ walks }: { walks: LineageSummary["coverage"]["walks"] }) {
  const t = useT();
  if (!walks.length) return null;
  return (
    <Alert tone="warning" title={t("lineage.walk.title")} role="status" data-testid="lineage-walk-incomplete">
      <ul className="space-y-1">
        {walks.map((w) => (
          <li key={`${w.service}-${w.code}`} data-walk={`${w.service}:${w.code}`}>
            {t(`lineage.walk.${w.code}`, { ...w.params, service: SERVICE[w.service], pool: w.pool })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
