"use client";

import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useInstanceAction, type InstanceSummary, type PowerAction } from "@/lib/queries/instances";
import { Button, buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuTrigger, DropdownMenuWhenOpen } from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { lazyWithPreload } from "@/lib/lazy";
import { LazyDeleteInstanceDialog, preloadDeleteDialog } from "./lazy-delete-dialog";
import { ACTION_ICON, useActionText } from "./use-action-text";

/** The narrow-screen menu's items, fetched on first open or on intent over its trigger. */
const RowMenuItems = lazyWithPreload(() => import("./instance-row-menu").then((m) => m.InstanceRowMenuItems));
const preloadRowMenu = () => void RowMenuItems.preload();

/** The row's quick actions; hard reboot stays on the detail page. */
const ROW_ACTIONS: PowerAction[] = ["start", "stop", "reboot", "delete"];

/**
 * Icon buttons for one instance row; below the lg breakpoint, one "more" button opening the same actions as a menu,
 * so they stay in reach when the table scrolls sideways. A disabled action stays focusable (aria-disabled) so its
 * reason is announced (aria-describedby) and shown on hover; nothing runs until the policy allows it.
 */
export function InstanceRowActions({ instance, onError }: { instance: InstanceSummary; onError: (e: unknown) => void }) {
  const t = useT();
  const id = useId();
  const { label, reason } = useActionText(instance);
  const mutation = useInstanceAction(instance.id);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState<PowerAction | null>(null);
  const name = instance.name || instance.id;

  const run = (a: PowerAction) => {
    setRunning(a);
    onError(null);
    mutation.mutate(a, {
      onSuccess: () => setConfirming(false),
      onError: (e) => {
        if (a !== "delete") onError(e);
      },
    });
  };

  const shown = ROW_ACTIONS.flatMap((action) =>
    instance.actions.filter((x) => x.action === action),
  ) as (InstanceSummary["actions"][number] & {
    action: PowerAction;
  })[];
  const activate = (a: (typeof shown)[number]) => {
    if (!a.enabled || mutation.isPending) return;
    if (a.destructive) setConfirming(true);
    else run(a.action);
  };

  return (
    <div role="group" aria-label={t("instances.rowActions", { name })} className="flex justify-end gap-0.5">
      <DropdownMenu className="lg:hidden">
        <DropdownMenuTrigger
          aria-label={t("instances.rowActions", { name })}
          className={buttonVariants({ variant: "ghost", size: "icon", className: "size-7" })}
          onPointerEnter={preloadRowMenu}
          onFocus={preloadRowMenu}
        >
          {mutation.isPending ? <Spinner /> : <Icon name="more" strokeWidth={4} />}
        </DropdownMenuTrigger>
        <DropdownMenuWhenOpen>
          <RowMenuItems
            actions={shown.map((a) => ({
              action: a.action,
              label: label(a.action),
              enabled: a.enabled && !mutation.isPending,
              why: reason(a),
              destructive: !!a.destructive,
            }))}
            onPick={(action) => {
              const a = shown.find((x) => x.action === action);
              if (a) activate(a);
            }}
          />
        </DropdownMenuWhenOpen>
      </DropdownMenu>
      <div className="hidden gap-0.5 lg:flex">
        {shown.map((a) => {
          const action = a.action;
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
              onClick={() => activate(a)}
              onPointerEnter={a.destructive ? preloadDeleteDialog : undefined}
              onFocus={a.destructive ? preloadDeleteDialog : undefined}
              className={cn(
                "size-7 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-transparent",
                a.destructive && "[&_svg]:text-danger",
              )}
            >
              {mutation.isPending && running === action ? <Spinner /> : <Icon name={ACTION_ICON[action]} />}
              {a.enabled ? null : (
                <span id={`${id}-${action}`} className="sr-only">
                  {why}
                </span>
              )}
            </Button>
          );
        })}
      </div>
      <LazyDeleteInstanceDialog
        open={confirming}
        onOpenChange={(o) => {
          setConfirming(o);
          if (!o) mutation.reset();
        }}
        instanceId={instance.id}
        name={name}
        pending={mutation.isPending}
        error={running === "delete" ? mutation.error : null}
        onConfirm={() => run("delete")}
      />
    </div>
  );
}
