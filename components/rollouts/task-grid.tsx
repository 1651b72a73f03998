"use client";

import { useT } from "@/lib/i18n/client";
import type { RolloutRun } from "@/lib/queries/rollouts";
import { cn } from "@/lib/cn";

type Cell = RolloutRun["hosts"][number]["cells"][string];
const CELL: Record<Cell | "none", string> = {
  running: "bg-info-soft text-accent-foreground animate-pulse",
  ok: "bg-success-soft text-success",
  changed: "bg-success/25 text-success",
  failed: "bg-danger-soft text-danger",
  skipped: "bg-muted text-muted-foreground",
  unreachable: "bg-danger-soft text-danger",
  none: "text-muted-foreground/50",
};
const MARK: Record<Cell | "none", string> = { running: "…", ok: "✓", changed: "●", failed: "✕", skipped: "–", unreachable: "!", none: "·" };

/** Hosts × tasks; each cell's state is in its text (aria) and colour, and fills as events arrive. */
export function TaskGrid({ run }: { run: RolloutRun }) {
  const t = useT();
  return (
    <div className="max-w-full overflow-x-auto [contain:inline-size]" tabIndex={0} role="region" aria-label={t("rollouts.run.grid")}>
      <table className="border-collapse text-xs" data-testid="task-grid">
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-surface px-2 py-1 text-left">
              {t("rollouts.run.host")}
            </th>
            {run.tasks.map((task) => (
              <th key={task} scope="col" className="w-7 px-0.5 align-bottom font-normal text-muted-foreground">
                <span className="inline-block max-h-36 rotate-180 truncate whitespace-nowrap [writing-mode:vertical-rl]" title={task}>
                  {task}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.hosts.map((h) => (
            <tr key={h.host} data-host={h.host} data-status={h.status}>
              <th scope="row" className="sticky left-0 bg-surface px-2 py-1 text-left font-mono font-medium">
                {h.host} <span className="font-sans font-normal text-muted-foreground">({t(`rollouts.run.hostStatus.${h.status}`)})</span>
              </th>
              {run.tasks.map((task) => {
                const c: Cell | "none" = h.cells[task] ?? "none";
                return (
                  <td key={task} className="p-0.5" data-task={task} data-cell={c}>
                    <span
                      className={cn("flex size-6 items-center justify-center rounded", CELL[c])}
                      title={`${h.host} · ${task}: ${t(`rollouts.run.cell.${c}`)}`}
                    >
                      <span aria-hidden>{MARK[c]}</span>
                      <span className="sr-only">{t(`rollouts.run.cell.${c}`)}</span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
