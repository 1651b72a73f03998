"use client";

import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyDialog } from "@/lib/lazy-dialog";
import type { VolumeActionName, VolumeActionState, VolumeDetail } from "@/lib/queries/volumes";
import { Button } from "@/components/ui/button";
import { Icon, type IconName } from "@/components/ui/icon";

const VolumeActionDialog = lazyDialog(() => import("./volume-action-dialog").then((m) => m.VolumeActionDialog));

const ICON: Record<VolumeActionName, IconName> = {
  extend: "plus",
  retype: "refresh",
  snapshot: "folder",
  attach: "key",
  detach: "x",
  delete: "trash",
};

/** An action's translated label and the translated reason it is disabled. */
export function useVolumeActionText() {
  const t = useT();
  const label = (a: VolumeActionName) => t(`volumeActions.action.${a}`);
  const reason = (a: VolumeActionState) =>
    a.reason
      ? t(`volumeActions.reason.${a.reason}`, {
          action: label(a.action),
          status: a.params.status,
          attachments: a.params.attachments,
          snapshots: a.params.snapshots,
        })
      : "";
  return { label, reason };
}

/**
 * The volume's actions as the BFF's policy gives them: each enabled, or disabled with its reason shown beside the bar
 * (tied to the button with aria-describedby). Each opens its dialog (loaded on intent), which asks before it acts.
 */
export function VolumeActions({ volume }: { volume: VolumeDetail }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState<VolumeActionName | null>(null);
  const [last, setLast] = useState<VolumeActionName | null>(null);
  const { label, reason } = useVolumeActionText();
  const disabled = volume.actions.filter((a) => !a.enabled);
  return (
    <div className="space-y-3">
      <div role="toolbar" aria-label={t("volumeActions.actions")} className="flex flex-wrap gap-2">
        {volume.actions.map((a) => (
          <Button
            key={a.action}
            variant={a.action === "delete" ? "danger" : "secondary"}
            disabled={!a.enabled}
            aria-describedby={a.enabled ? undefined : `${id}-${a.action}`}
            onClick={() => {
              setLast(null);
              setOpen(a.action);
            }}
            onPointerEnter={VolumeActionDialog.preload}
            onFocus={VolumeActionDialog.preload}
            className={a.action === "delete" ? "sm:ml-auto" : undefined}
            data-testid={`volume-action-${a.action}`}
          >
            <Icon name={ICON[a.action]} />
            {label(a.action)}
          </Button>
        ))}
      </div>
      {disabled.length ? (
        <ul aria-label={t("volumeActions.unavailable")} className="space-y-0.5 text-xs text-muted-foreground">
          {disabled.map((a) => (
            <li key={a.action} id={`${id}-${a.action}`} data-testid={`volume-reason-${a.action}`}>
              {reason(a)}
            </li>
          ))}
        </ul>
      ) : null}
      {last && last !== "delete" ? (
        <p role="status" className="text-xs text-success">
          {t("volumeActions.accepted", { action: label(last) })}
        </p>
      ) : null}
      <VolumeActionDialog
        open={open !== null}
        action={open ?? "extend"}
        volume={volume}
        onOpenChange={(o) => !o && setOpen(null)}
        onDone={(a) => {
          setOpen(null);
          setLast(a);
        }}
      />
    </div>
  );
}
