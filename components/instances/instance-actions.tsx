"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { InstanceActionName, InstanceDetail, PowerAction } from "@/lib/queries/instances";
import { useInstanceAction } from "@/lib/queries/instances";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { lazyDialog } from "@/lib/lazy-dialog";
import { LazyDeleteInstanceDialog, preloadDeleteDialog } from "./lazy-delete-dialog";
import { ACTION_ICON, useActionText } from "./use-action-text";

/** Resize, snapshot, shelve, console… each opens this one dialog, loaded on first use (or on intent). */
const LazyOpDialog = lazyDialog(() => import("./ops/op-dialog").then((m) => m.OpDialog));

/**
 * The instance's actions as the BFF's policy gives them: each enabled, or disabled with its reason listed below the
 * bar (and tied to the button with aria-describedby). Power actions run at once; the others, and delete, ask first.
 */
export function InstanceActions({ instance }: { instance: InstanceDetail }) {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const mutation = useInstanceAction(instance.id);
  const [confirming, setConfirming] = useState(false);
  const [op, setOp] = useState<InstanceActionName | null>(null);
  const [last, setLast] = useState<PowerAction | null>(null);

  const { label, reason } = useActionText(instance);
  const run = (a: PowerAction) => {
    setLast(a);
    mutation.mutate(a, {
      onSuccess: () => {
        if (a === "delete") {
          setConfirming(false);
          router.push("/project/instances");
        }
      },
    });
  };
  const disabled = instance.actions.filter((a) => !a.enabled);
  const power = (a: InstanceActionName): a is PowerAction => a in ACTION_ICON;

  return (
    <div className="space-y-3">
      <div role="toolbar" aria-label={t("instances.actions")} className="flex flex-wrap gap-2">
        {instance.actions.map((a) => (
          <Button
            key={a.action}
            variant={a.action === "delete" ? "danger" : power(a.action) ? "secondary" : "ghost"}
            disabled={!a.enabled || mutation.isPending}
            aria-describedby={a.enabled ? undefined : `${id}-${a.action}`}
            onClick={() => (a.action === "delete" ? setConfirming(true) : power(a.action) ? run(a.action) : setOp(a.action))}
            onPointerEnter={a.action === "delete" ? preloadDeleteDialog : power(a.action) ? undefined : LazyOpDialog.preload}
            onFocus={a.action === "delete" ? preloadDeleteDialog : power(a.action) ? undefined : LazyOpDialog.preload}
            className={a.action === "delete" ? "sm:ml-auto" : undefined}
          >
            {mutation.isPending && last === a.action ? <Spinner /> : power(a.action) ? <Icon name={ACTION_ICON[a.action]} /> : null}
            {label(a.action)}
          </Button>
        ))}
      </div>
      {disabled.length ? (
        <ul aria-label={t("instances.unavailable")} className="space-y-0.5 text-xs text-muted-foreground">
          {disabled.map((a) => (
            <li key={a.action} id={`${id}-${a.action}`} data-testid={`reason-${a.action}`}>
              {reason(a)}
            </li>
          ))}
        </ul>
      ) : null}
      {mutation.isSuccess && last && last !== "delete" ? (
        <p role="status" className="text-xs text-success">
          {t("instances.accepted", { action: label(last) })}
        </p>
      ) : null}
      {mutation.error && !confirming ? <QueryError title={t("instances.actionFailed")} error={mutation.error} /> : null}
      <LazyDeleteInstanceDialog
        open={confirming}
        onOpenChange={(o) => {
          setConfirming(o);
          if (!o) mutation.reset();
        }}
        instanceId={instance.id}
        name={instance.name || instance.id}
        pending={mutation.isPending}
        error={last === "delete" ? mutation.error : null}
        onConfirm={() => run("delete")}
      />
      <LazyOpDialog open={op !== null} action={op} instance={instance} onOpenChange={(o) => !o && setOp(null)} />
    </div>
  );
}
