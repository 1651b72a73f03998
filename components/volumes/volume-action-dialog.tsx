"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { useInstances } from "@/lib/queries/instances";
import {
  useAttachVolume,
  useDeleteVolume,
  useDetachVolume,
  useExtendVolume,
  useRetypeVolume,
  useSnapshotVolume,
  useVolumeTypes,
  type VolumeActionName,
  type VolumeDetail,
} from "@/lib/queries/volumes";
import { VolumeExtendFields, VolumeSnapshotFields } from "@/lib/schemas/volumes";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

interface Props {
  open: boolean;
  action: VolumeActionName;
  volume: VolumeDetail;
  onOpenChange: (open: boolean) => void;
  onDone: (action: VolumeActionName) => void;
}

/** One dialog per action: its input (validated with the BFF's own schema), what it touches, and Confirm. */
export function VolumeActionDialog({ open, action, volume: v, onOpenChange, onDone }: Props) {
  const t = useT();
  const router = useRouter();
  const name = v.name ?? v.id;
  const extend = useExtendVolume(v.id);
  const retype = useRetypeVolume(v.id);
  const snapshot = useSnapshotVolume(v.id);
  const attach = useAttachVolume(v.id);
  const detach = useDetachVolume(v.id);
  const remove = useDeleteVolume(v.id);
  const m = { extend, retype, snapshot, attach, detach, delete: remove }[action];
  const types = useVolumeTypes(open && action === "retype");
  const servers = useInstances({ limit: 100, sort: "name", dir: "asc" });
  const [size, setSize] = useState(String(v.sizeGiB + 1));
  const [type, setType] = useState("");
  const [snapName, setSnapName] = useState("");
  const [serverId, setServerId] = useState("");

  const extendOk = VolumeExtendFields.safeParse({ newSizeGiB: Number(size) }).success && Number(size) > v.sizeGiB;
  const snapOk = VolumeSnapshotFields.safeParse({ name: snapName }).success;
  const ready = {
    extend: extendOk,
    retype: !!type,
    snapshot: snapOk,
    attach: !!serverId,
    detach: true,
    delete: true,
  }[action];
  const done = () => {
    m.reset();
    if (action === "delete") router.push("/project/volumes");
    onDone(action);
  };
  const confirm = () => {
    if (!ready) return;
    if (action === "extend") extend.mutate(Number(size), { onSuccess: done });
    if (action === "retype") retype.mutate(type, { onSuccess: done });
    if (action === "snapshot") snapshot.mutate({ name: snapName, force: v.status === "in-use" }, { onSuccess: done });
    if (action === "attach") attach.mutate(serverId, { onSuccess: done });
    if (action === "detach") detach.mutate(undefined, { onSuccess: done });
    if (action === "delete") remove.mutate(undefined, { onSuccess: done });
  };
  const title = {
    extend: t("volumeActions.extendTitle", { name }),
    retype: t("volumeActions.retypeTitle", { name }),
    snapshot: t("volumeActions.snapshotTitle", { name }),
    attach: t("volumeActions.attachTitle", { name }),
    detach: t("volumeActions.detachTitle", { name }),
    delete: t("volumeActions.deleteTitle", { name }),
  }[action];
  const destructive = action === "delete" || action === "detach";
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (m.isPending) return;
        if (!o) m.reset();
        onOpenChange(o);
      }}
      title={title}
      footer={
        <>
          <Button autoFocus={destructive} onClick={() => onOpenChange(false)} disabled={m.isPending}>
            {t("volumeActions.cancel")}
          </Button>
          <Button
            variant={destructive ? "danger" : "primary"}
            onClick={confirm}
            disabled={m.isPending || !ready}
            data-testid="volume-action-confirm"
          >
            {m.isPending ? <Spinner /> : null}
            {action === "delete"
              ? t("volumeActions.deleteConfirm", { name })
              : action === "detach"
                ? t("volumeActions.detachConfirm")
                : t("volumeActions.confirm")}
          </Button>
        </>
      }
    >
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        {action === "extend" ? (
          <div className="space-y-1">
            <Label htmlFor="va-size">{t("volumeActions.newSize")}</Label>
            <Input
              id="va-size"
              inputMode="numeric"
              value={size}
              onChange={(e) => setSize(e.target.value)}
              aria-describedby="va-size-hint"
              autoFocus
            />
            <p id="va-size-hint" className="text-xs text-muted-foreground">
              {t("volumeActions.extendHint", { size: v.sizeGiB })}
            </p>
          </div>
        ) : null}
        {action === "retype" ? (
          <div className="space-y-1">
            <Label htmlFor="va-type">{t("volumeActions.newType")}</Label>
            <Select id="va-type" value={type} onChange={(e) => setType(e.target.value)} aria-describedby="va-type-hint">
              <option value="">{t("volumeActions.choose")}</option>
              {(types.data?.items ?? [])
                .filter((x) => x.name !== v.type)
                .map((x) => (
                  <option key={x.id} value={x.name}>
                    {x.name}
                  </option>
                ))}
            </Select>
            <p id="va-type-hint" className="text-xs text-muted-foreground">
              {t("volumeActions.retypeHint")}
            </p>
          </div>
        ) : null}
        {action === "snapshot" ? (
          <div className="space-y-1">
            <Label htmlFor="va-snap">{t("volumeActions.snapshotName")}</Label>
            <Input id="va-snap" value={snapName} onChange={(e) => setSnapName(e.target.value)} autoFocus />
            {v.status === "in-use" ? <p className="text-xs text-warning">{t("volumeActions.snapshotInUse")}</p> : null}
          </div>
        ) : null}
        {action === "attach" ? (
          <div className="space-y-1">
            <Label htmlFor="va-server">{t("volumeActions.instance")}</Label>
            <Select id="va-server" value={serverId} onChange={(e) => setServerId(e.target.value)}>
              <option value="">{servers.data?.items.length ? t("volumeActions.choose") : t("volumeActions.noSources")}</option>
              {(servers.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name || s.id}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        {action === "detach" ? (
          <p>{t("volumeActions.detachBody", { servers: v.attachments.map((a) => a.serverName ?? a.serverId).join(", ") })}</p>
        ) : null}
        {action === "delete" ? <p data-testid="volume-delete-body">{t("volumeActions.deleteBody")}</p> : null}
        {m.error ? <QueryError title={t("volumeActions.actionFailed")} error={m.error} /> : null}
      </form>
    </Dialog>
  );
}
