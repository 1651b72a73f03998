"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyDialog } from "@/lib/lazy-dialog";
import type { VolumeSourceType } from "@/lib/schemas/volumes";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

const CreateVolumeDialog = lazyDialog(() => import("./create-volume-dialog").then((m) => m.CreateVolumeDialog));

/** "Create volume", with its dialog loaded on intent (not with the page). */
export function CreateVolumeButton({
  preset,
  label,
  variant = "primary",
}: {
  preset?: { type: VolumeSourceType; id: string; label?: string | null };
  label?: string;
  variant?: "primary" | "secondary";
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        onClick={() => setOpen(true)}
        onPointerEnter={CreateVolumeDialog.preload}
        onFocus={CreateVolumeDialog.preload}
      >
        <Icon name="plus" />
        {label ?? t("volumeActions.create")}
      </Button>
      <CreateVolumeDialog open={open} onOpenChange={setOpen} preset={preset} />
    </>
  );
}
