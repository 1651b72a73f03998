"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { useBootPlan } from "@/lib/queries/boot";
import { useImages } from "@/lib/queries/images";
import { useCreateVolume, useVolumes, useVolumeTypes } from "@/lib/queries/volumes";
import { VOLUME_LIMITS, VOLUME_SOURCES, VolumeCreateFields, type VolumeSourceType } from "@/lib/schemas/volumes";
import { failedText } from "@/components/boot/plan-text";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A source chosen beforehand (e.g. "create from this snapshot" on a volume's page). */
  preset?: {
    type: VolumeSourceType;
    id: string /** Its name, shown while the options load or when they leave it out. */;
    label?: string | null;
  };
}

/** The sources to choose from, per kind: images, snapshots and volumes the project can use. */
function useSourceOptions(type: VolumeSourceType, open: boolean) {
  const images = useImages({ limit: 100, sort: "name", dir: "asc" });
  const volumes = useVolumes({ limit: 100, sort: "name", dir: "asc" });
  const snapshots = useQuery({
    queryKey: ["volumes", "snapshots"],
    queryFn: ({ signal }) => request(api.GET("/api/volume-snapshots", { signal })),
    enabled: open && type === "snapshot",
  });
  if (type === "image")
    return (images.data?.items ?? []).filter((i) => i.status === "active").map((i) => ({ id: i.id, label: i.name ?? i.id }));
  if (type === "volume") return (volumes.data?.items ?? []).map((v) => ({ id: v.id, label: `${v.name ?? v.id} (${v.sizeGiB} GiB)` }));
  if (type === "snapshot") return (snapshots.data?.items ?? []).map((s) => ({ id: s.id, label: `${s.name ?? s.id} (${s.sizeGiB} GiB)` }));
  return [];
}

/**
 * Create a volume: blank, from an image, a snapshot or another volume. From an image it shows the boot wizard's own
 * clone-or-copy verdict (the same plan, asked for a new volume). Validated with the BFF's schema before it is sent.
 */
export function CreateVolumeDialog({ open, onOpenChange, preset }: Props) {
  const t = useT();
  const router = useRouter();
  const create = useCreateVolume();
  const types = useVolumeTypes(open);
  const [name, setName] = useState("");
  const [type, setType] = useState<VolumeSourceType>(preset?.type ?? "image");
  const [sourceId, setSourceId] = useState(preset?.id ?? "");
  const [size, setSize] = useState("");
  const [volumeType, setVolumeType] = useState("");
  const options = useSourceOptions(type, open);
  const imagePlan = useBootPlan(
    type === "image" && sourceId
      ? {
          source: { type: "image", id: sourceId },
          createVolume: true,
          ...(size && Number.isInteger(Number(size)) && Number(size) > 0 ? { volumeSize: Number(size) } : {}),
          deleteOnTermination: false,
          networkIds: [],
          securityGroups: [],
          count: 1,
        }
      : null,
  );
  const body = {
    name,
    source: type === "blank" ? { type } : { type, id: sourceId || undefined },
    ...(size ? { sizeGiB: Number(size) } : {}),
    ...(volumeType ? { volumeType } : {}),
  };
  const parsed = VolumeCreateFields.safeParse(body);
  const [tried, setTried] = useState(false);
  const issue = (field: string): MessageKey | null => {
    if (!tried || parsed.success) return null;
    const hit = parsed.error.issues.find((i) => i.path[0] === field);
    if (!hit) return null;
    return field === "name"
      ? "volumeActions.errors.name"
      : field === "source"
        ? "volumeActions.errors.source"
        : "volumeActions.errors.size";
  };
  const errorText = (k: MessageKey | null) =>
    k ? t(k, { max: k.endsWith("name") ? VOLUME_LIMITS.nameMax : VOLUME_LIMITS.sizeMax, min: VOLUME_LIMITS.sizeMin }) : null;
  const submit = () => {
    setTried(true);
    if (!parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: (v) => {
        onOpenChange(false);
        router.push(`/project/volumes/${v.id}`);
      },
    });
  };
  const plan = imagePlan.data;
  const verdict = plan ? (!plan.certain ? "unknown" : plan.path === "rbd-clone-volume" ? "clone" : "copy") : null;
  const failing = plan?.checks.filter((c) => c.status === "fail") ?? [];
  const nameErr = errorText(issue("name"));
  const sourceErr = errorText(issue("source"));
  const sizeErr = errorText(issue("sizeGiB"));
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !create.isPending && onOpenChange(o)}
      title={t("volumeActions.createTitle")}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={create.isPending}>
            {t("volumeActions.cancel")}
          </Button>
          <Button variant="primary" onClick={submit} disabled={create.isPending} data-testid="create-volume-submit">
            {create.isPending ? <Spinner /> : null}
            {t("volumeActions.submit")}
          </Button>
        </>
      }
    >
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="cv-name">{t("volumeActions.name")}</Label>
          <Input
            id="cv-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!nameErr}
            aria-describedby={nameErr ? "cv-name-err" : undefined}
          />
          {nameErr ? (
            <p id="cv-name-err" className="text-xs text-danger">
              {nameErr}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <Label htmlFor="cv-type">{t("volumeActions.source")}</Label>
          <Select
            id="cv-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as VolumeSourceType);
              setSourceId("");
            }}
          >
            {VOLUME_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`volumeActions.sourceType.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        {type !== "blank" ? (
          <div className="space-y-1">
            <Label htmlFor="cv-source">{t("volumeActions.sourceItem")}</Label>
            <Select
              id="cv-source"
              value={sourceId}
              onChange={(e) => setSourceId(e.target.value)}
              aria-invalid={!!sourceErr}
              aria-describedby={sourceErr ? "cv-source-err" : undefined}
            >
              <option value="">{options.length ? t("volumeActions.choose") : t("volumeActions.noSources")}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
              {preset && !options.some((o) => o.id === preset.id) ? (
                <option value={preset.id}>{preset.label || t("volumeActions.unnamed")}</option>
              ) : null}
            </Select>
            {sourceErr ? (
              <p id="cv-source-err" className="text-xs text-danger">
                {sourceErr}
              </p>
            ) : null}
          </div>
        ) : null}
        {type === "image" && sourceId ? (
          <div
            className="border bg-muted/40 p-2 text-xs"
            role="status"
            data-testid="volume-plan"
            data-verdict={verdict ?? ""}
            data-path={plan?.path ?? ""}
          >
            {!plan ? (
              <span className="inline-flex items-center gap-1.5">
                <Spinner className="size-3" />
                {t("volumeActions.planChecking")}
              </span>
            ) : (
              <>
                <p>{t(`volumeActions.plan.${verdict ?? "unknown"}`)}</p>
                {failing.length ? (
                  <p className="mt-1 text-muted-foreground">
                    {t("volumeActions.planFailing", { checks: failing.map((c) => failedText(t, c)).join("; ") })}
                  </p>
                ) : null}
              </>
            )}
          </div>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <Label htmlFor="cv-size">{t("volumeActions.size")}</Label>
            <Input
              id="cv-size"
              inputMode="numeric"
              value={size}
              placeholder={plan ? String(plan.minVolumeGiB) : undefined}
              onChange={(e) => setSize(e.target.value)}
              aria-invalid={!!sizeErr}
              aria-describedby={sizeErr ? "cv-size-err" : undefined}
            />
            {sizeErr ? (
              <p id="cv-size-err" className="text-xs text-danger">
                {sizeErr}
              </p>
            ) : null}
          </div>
          <div className="space-y-1">
            <Label htmlFor="cv-vtype">{t("volumeActions.type")}</Label>
            <Select id="cv-vtype" value={volumeType} onChange={(e) => setVolumeType(e.target.value)}>
              <option value="">{t("volumeActions.typeDefault", { name: types.data?.items.find((x) => x.isDefault)?.name ?? "" })}</option>
              {(types.data?.items ?? [])
                .filter((x) => !x.isDefault)
                .map((x) => (
                  <option key={x.id} value={x.name}>
                    {x.name}
                  </option>
                ))}
            </Select>
          </div>
        </div>
        {create.error ? <QueryError title={t("volumeActions.failed")} error={create.error} /> : null}
      </form>
    </Dialog>
  );
}
