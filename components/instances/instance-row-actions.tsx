"use client";

import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useInstanceAction, type InstanceActionName, type InstanceSummary } from "@/lib/queries/instances";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { LazyDeleteInstanceDialog, preloadDeleteDialog } from "./lazy-delete-dialog";
import { ACTION_ICON, useActionText } from "./use-action-text";

/** The row's quick actions; hard reboot stays on the detail page. */
const ROW_ACTIONS: InstanceActionName[] = ["start", "stop", "reboot", "delete"];

/**
 * Icon buttons for one instance row. A disabled action stays focusable (aria-disabled) so its reason is
 * announced (aria-describedby) and shown on hover; nothing runs until the policy allows it.
 */
export function InstanceRowActions({ instance, onError }: { instance: InstanceSummary; onError: (e: unknown) => void }) {
  const t = useT();
  const id = useId();
  const { label, reason } = useActionText(instance);
  const mutation = useInstanceAction(instance.id);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState<InstanceActionName | null>(null);
  const name = instance.name || instance.id;

  const run = (a: InstanceActionName) => {
    setRunning(a);
    onError(null);
    mutation.mutate(a, {
      onSuccess: () => setConfirming(false),
      onError: (e) => { if (a !== "delete") onError(e); },
    });
  };

  return (
    <div role="group" aria-label={t("instances.rowActions", { name })} className="flex justify-end gap-0.5">
      {ROW_ACTIONS.map((action) => {
        const a = instance.actions.find((x) => x.action === action);
        if (!a) return null;
        const why = reason(a);
        return (
          <Button
            key={action}
            variant="ghost"
            size="icon"
            aria-label={label(action)}
            aria-disabled={!a.enabled || mutation.isPending || undefined}
            aria-describedby={a.enabled ? undefined : `${id}-${action}`}
            title={a.enabled ? label(action) : why}
            onClick={() => {
              if (!a.enabled || mutation.isPending) return;
              if (a.destructive) setConfirming(true);
              else run(action);
            }}
            onPointerEnter={a.destructive ? preloadDeleteDialog : undefined}
            onFocus={a.destructive ? preloadDeleteDialog : undefined}
            className={cn(
              "size-7 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-transparent",
              a.destructive && "[&_svg]:text-danger",
            )}
          >
            {mutation.isPending && running === action ? <Spinner /> : <Icon name={ACTION_ICON[action]} />}
            {a.enabled ? null : <span id={`${id}-${action}`} className="sr-only">{why}</span>}
          </Button>
        );
      })}
      <LazyDeleteInstanceDialog
        open={confirming}
        onOpenChange={(o) => { setConfirming(o); if (!o) mutation.reset(); }}
        instanceId={instance.id}
        name={name}
        pending={mutation.isPending}
        error={running === "delete" ? mutation.error : null}
        onConfirm={() => run("delete")}
      />
    </div>
  );
}
