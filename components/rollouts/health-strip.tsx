"use client";

import { useT } from "@/lib/i18n/client";
import type { RolloutBackend } from "@/lib/queries/rollouts";
import { cn } from "@/lib/cn";
import { haproxyState } from "./haproxy-state";

/** tone of one backend: UP green, going down/up amber, DOWN/MAINT red, unknown grey. */
function tone(b: RolloutBackend) {
  if (b.status === "UP") return "bg-success-soft text-success border-success/40";
  if (/^(UP|DOWN) \d/.test(b.status)) return "bg-warning-soft text-warning border-warning/40";
  if (b.status === "?") return "bg-muted text-muted-foreground";
  return "bg-danger-soft text-danger border-danger/40";
}

/** Each backend's HAProxy state as a coloured chip; the text carries the state for screen readers. */
export function HealthStrip({ pool, backends }: { pool: string; backends: RolloutBackend[] }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("rollouts.healthStrip", { pool })} data-testid="health-strip">
      {backends.map((b) => {
        const state = haproxyState(b.status);
        return (
          <li
            key={b.host}
            data-host={b.host}
            data-status={b.status}
            className={cn("rounded-md border px-2.5 py-1 font-mono text-xs transition-colors", tone(b))}
          >
            {t("rollouts.backendState", { host: b.host, status: t(state.key, state.params) })}
          </li>
        );
      })}
    </ul>
  );
}
