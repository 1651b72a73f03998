"use client";

import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/cn";
import { type NovaFaultReason, novaFaultText } from "./instance-status-badge";

/**
 * Nova's fault as a translated headline; Nova's own text (English, with ids) only in a disclosure labelled as Nova's,
 * with its traceback when Nova gives one.
 */
export function NovaFault({
  reason,
  message,
  details,
  compact = false,
}: {
  reason: NovaFaultReason;
  message: string;
  details?: string | null;
  compact?: boolean;
}) {
  const t = useT();
  return (
    <div className={cn("text-xs", compact && "mt-1")}>
      <p data-testid="fault-reason" data-code={reason.code} className={cn(compact ? "text-danger" : "text-sm text-foreground")}>
        {novaFaultText(t, reason)}
      </p>
      <details className="mt-1 text-muted-foreground">
        <summary className="cursor-pointer select-none">{t("instances.novaMessage")}</summary>
        <pre data-testid="fault-message" className="mt-1 whitespace-pre-wrap break-words font-mono text-[11px] text-foreground">
          {message}
        </pre>
        {details ? <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap font-mono text-[11px]">{details}</pre> : null}
      </details>
    </div>
  );
}
