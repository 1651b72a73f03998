import { useT } from "@/lib/i18n/client";
import { QueryError } from "@/components/common/query-error";
import { Spinner } from "@/components/ui/spinner";

/**
 * The state of a dry run then confirm, above its steps: planning, the plan's or the run's failure, and once it ran
 * whether every step was ok (`allOk`, the action's own words) or it stopped. Shared by clean-up and flatten.
 */
export function PlanRunStatus({
  planning,
  planError,
  runError,
  result,
  allOk,
}: {
  planning: boolean;
  planError: unknown;
  runError: unknown;
  result: { ok: boolean | null } | null;
  allOk: string;
}) {
  const t = useT();
  return (
    <>
      {planning ? (
        <p className="flex items-center gap-2 text-sm">
          <Spinner />
          {t("lineage.cleanup.planning")}
        </p>
      ) : null}
      {planError ? <QueryError title={t("lineage.cleanup.planError")} error={planError} /> : null}
      {runError ? <QueryError title={t("lineage.cleanup.runError")} error={runError} /> : null}
      {result ? (
        <p role="status" className={result.ok ? "text-sm text-success" : "text-sm text-danger"}>
          {result.ok ? allOk : t("lineage.cleanup.stopped")}
        </p>
      ) : null}
    </>
  );
}
