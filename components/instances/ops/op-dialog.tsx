"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { bootQueries } from "@/lib/queries/boot";
import type { InstanceActionName, InstanceDetail } from "@/lib/queries/instances";
import { useInstanceOp, type InstanceOp } from "@/lib/queries/instance-ops";
import { AttachPortFields, AttachVolumeFields, RebuildFields, ResizeFields, SnapshotFields } from "@/lib/schemas/instance-ops";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { openInNewTab } from "./open-in-new-tab";

type OpAction = Exclude<InstanceActionName, "start" | "stop" | "reboot" | "hard-reboot" | "delete">;
const DESTRUCTIVE = new Set<InstanceActionName>(["rebuild", "revert-resize", "shelve", "rescue"]);
const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, "");

interface OpDialogProps {
  open: boolean;
  action: InstanceActionName | null;
  instance: InstanceDetail;
  onOpenChange: (open: boolean) => void;
}

/**
 * One dialog for every operation besides the power actions: it says what the operation does and what else it
 * touches (the disk a rebuild replaces, the host a shelve releases…), asks for its input (flavor, image, name,
 * volume, network, console protocol) validated with the route's own schema, and runs it once.
 */
export function OpDialog({ open, action, instance: i, onOpenChange }: OpDialogProps) {
  const t = useT();
  const id = useId();
  const op = useInstanceOp(i.id);
  const [choice, setChoice] = useState("");
  const [name, setName] = useState(`${i.name || "instance"}-snapshot-${today()}`);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [consoleUrl, setConsoleUrl] = useState<string | null>(null);
  const a = (action ?? "lock") as OpAction;
  const needsOptions = ["resize", "rebuild", "attach-volume", "attach-interface"].includes(a);
  const options = useQuery({ ...bootQueries.options(), enabled: open && needsOptions });
  const o = options.data;
  const label = t(`instances.action.${a}`);
  const display = i.name || t("instances.unnamed");

  const flavors = (o?.flavors ?? []).filter((f) => f.name !== i.flavor.name);
  const images = (o?.images ?? []).filter((x) => !x.volumeBacked);
  const volumes = (o?.volumes ?? []).filter((v) => v.status === "available" && !v.attached);
  const networks = o?.networks ?? [];
  const picked = choice || (a === "rebuild" ? (i.image?.id ?? "") : "");

  const close = () => {
    if (op.isPending) return;
    setChoice("");
    setInvalid(null);
    setConsoleUrl(null);
    op.reset();
    onOpenChange(false);
  };

  /** The request, validated with the route's schema; null (with the reason shown) when the input is not valid. */
  const build = (): InstanceOp | null => {
    const check = (r: { success: boolean; error?: { issues: { message: string }[] } }) => {
      setInvalid(r.success ? null : (r.error?.issues[0]?.message ?? "invalid"));
      return r.success;
    };
    switch (a) {
      case "resize":
        return check(ResizeFields.safeParse({ action: "resize", flavorId: picked }))
          ? { kind: "action", body: { action: "resize", flavorId: picked } }
          : null;
      case "rebuild":
        return check(RebuildFields.safeParse({ action: "rebuild", imageId: picked }))
          ? { kind: "action", body: { action: "rebuild", imageId: picked } }
          : null;
      case "snapshot":
        return check(SnapshotFields.safeParse({ name })) ? { kind: "snapshot", name: name.trim() } : null;
      case "attach-volume":
        return check(AttachVolumeFields.safeParse({ volumeId: picked })) ? { kind: "attach-volume", volumeId: picked } : null;
      case "attach-interface":
        return check(AttachPortFields.safeParse({ networkId: picked })) ? { kind: "attach-port", networkId: picked } : null;
      case "console":
        return { kind: "console", protocol: picked === "spice" ? "spice" : "vnc" };
      default:
        return { kind: "action", body: { action: a } };
    }
  };

  const submit = () => {
    const req = build();
    if (!req) return;
    // The tab is opened in the click itself (a popup opened after an await is blocked), then pointed at the URL.
    const tab = req.kind === "console" ? openInNewTab() : null;
    op.mutate(req, {
      onSuccess: (res) => {
        if (req.kind !== "console") return close();
        if (res.url) {
          setConsoleUrl(res.url);
          if (tab) tab.location.href = res.url;
        }
      },
      onError: () => tab?.close(),
    });
  };

  const picker = (labelKey: MessageKey, items: { id: string; text: string }[], emptyKey: MessageKey) =>
    options.isPending ? (
      <p className="flex items-center gap-2 text-muted-foreground">
        <Spinner />
        {t("instanceOps.loading")}
      </p>
    ) : options.error ? (
      <QueryError title={t("instanceOps.error")} error={options.error} />
    ) : items.length ? (
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-pick`}>{t(labelKey)}</Label>
        <Select id={`${id}-pick`} value={picked} onChange={(e) => setChoice(e.target.value)}>
          <option value="">—</option>
          {items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.text}
            </option>
          ))}
        </Select>
      </div>
    ) : (
      <p className="text-muted-foreground">{t(emptyKey)}</p>
    );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && close()}
      title={t(`instanceOps.confirm.${a}`, { name: display })}
      footer={
        <>
          <Button autoFocus onClick={close} disabled={op.isPending}>
            {t("instanceOps.cancel")}
          </Button>
          <Button variant={DESTRUCTIVE.has(a) ? "danger" : "primary"} onClick={submit} disabled={op.isPending || (needsOptions && !picked)}>
            {op.isPending ? <Spinner /> : null}
            {a === "console" ? t("instanceOps.open") : label}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm" data-testid="op-dialog">
        <p className={DESTRUCTIVE.has(a) ? "text-warning" : undefined}>
          {t(`instanceOps.explain.${a}`, { name: display, flavor: i.flavor.name ?? "" })}
        </p>
        {a === "rebuild" && i.volumes.length ? <p>{t("instances.deleteVolumes", { count: i.volumes.length })}</p> : null}
        {a === "resize"
          ? picker(
              "instanceOps.flavor",
              flavors.map((f) => ({ id: f.id, text: `${f.name} · ${f.vcpus} vCPU · ${f.ram} MiB · ${f.disk} GiB` })),
              "instanceOps.noFlavors",
            )
          : null}
        {a === "rebuild"
          ? picker(
              "instanceOps.image",
              images.map((x) => ({ id: x.id, text: x.name || t("images.unnamed") })),
              "instanceOps.noFlavors",
            )
          : null}
        {a === "attach-volume"
          ? picker(
              "instanceOps.volume",
              volumes.map((v) => ({ id: v.id, text: `${v.name || t("volumes.unnamed")} · ${v.size} GiB` })),
              "instanceOps.noVolumes",
            )
          : null}
        {a === "attach-interface"
          ? picker(
              "instanceOps.network",
              networks.map((n) => ({ id: n.id, text: n.name || t("networks.unnamed") })),
              "instanceOps.noNetworks",
            )
          : null}
        {a === "snapshot" ? (
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-name`}>{t("instanceOps.snapshotName")}</Label>
            <Input
              id={`${id}-name`}
              value={name}
              maxLength={255}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={!!invalid || undefined}
            />
          </div>
        ) : null}
        {a === "console" ? (
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-proto`}>{t("instanceOps.protocol")}</Label>
            <Select id={`${id}-proto`} value={picked || "vnc"} onChange={(e) => setChoice(e.target.value)}>
              <option value="vnc">noVNC</option>
              <option value="spice">SPICE</option>
            </Select>
          </div>
        ) : null}
        {invalid ? (
          <p role="alert" className="text-danger">
            {invalid}
          </p>
        ) : null}
        {consoleUrl ? (
          <p role="status" className="break-all text-success">
            {t("instanceOps.opened")}{" "}
            <a href={consoleUrl} target="_blank" rel="noopener noreferrer" className="underline">
              {t("instanceOps.openedLink", { url: consoleUrl })}
            </a>
          </p>
        ) : null}
        {op.error ? <QueryError title={t("instances.actionFailed")} error={op.error} /> : null}
      </div>
    </Dialog>
  );
}
