"use client";

import { useState } from "react";
import { ImageUpdateFields, PropertyKey, VISIBILITIES } from "@/lib/schemas/image";
import { useT } from "@/lib/i18n/client";
import { type ImageDetail, useImageMutations } from "@/lib/queries/images";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Icon } from "@/components/ui/icon";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

interface EditImageDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  image: ImageDetail;
}

type Row = { key: string; value: string };

/** Name, visibility, protection, minimums and custom properties, validated with the route's own schema. */
export function EditImageDialog({ open, onOpenChange, image }: EditImageDialogProps) {
  const t = useT();
  const { update } = useImageMutations(image.id);
  const [name, setName] = useState(image.name ?? "");
  const [visibility, setVisibility] = useState(image.visibility);
  const [prot, setProt] = useState(image.protected);
  const [minDisk, setMinDisk] = useState(String(image.minDiskGiB));
  const [minRam, setMinRam] = useState(String(image.minRamMiB));
  const [rows, setRows] = useState<Row[]>(Object.entries(image.properties).map(([key, value]) => ({ key, value })));
  const [issues, setIssues] = useState<Record<string, string>>({});

  const save = () => {
    const kept = rows.filter((r) => r.key.trim());
    const body = {
      name: name.trim() || undefined,
      visibility: visibility as (typeof VISIBILITIES)[number],
      protected: prot,
      minDiskGiB: Number(minDisk),
      minRamMiB: Number(minRam),
      setProperties: Object.fromEntries(kept.map((r) => [r.key.trim(), r.value])),
      removeProperties: Object.keys(image.properties).filter((k) => !kept.some((r) => r.key.trim() === k)),
    };
    const parsed = ImageUpdateFields.safeParse(body);
    const badKey = kept.find((r) => !PropertyKey.safeParse(r.key.trim()).success);
    if (!parsed.success || badKey) {
      const next: Record<string, string> = {};
      for (const i of parsed.success ? [] : parsed.error.issues) {
        const f = String(i.path[0]);
        next[f] =
          f === "name"
            ? t("imageActions.errors.name")
            : f === "setProperties" || f === "removeProperties"
              ? t("imageActions.errors.propertyKey")
              : t("imageActions.errors.number");
      }
      if (badKey) next.setProperties = t("imageActions.errors.propertyKey");
      setIssues(next);
      return;
    }
    setIssues({});
    update.mutate(parsed.data, { onSuccess: () => onOpenChange(false) });
  };

  const field = (id: string, label: string, input: React.ReactNode) => (
    <div className="space-y-1">
      <Label htmlFor={`img-edit-${id}`}>{label}</Label>
      {input}
      {issues[id] ? (
        <p id={`img-edit-${id}-error`} className="text-xs text-danger">
          {issues[id]}
        </p>
      ) : null}
    </div>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !update.isPending && onOpenChange(o)}
      title={t("imageActions.editTitle", { name: image.name ?? image.id })}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={update.isPending}>
            {t("imageActions.cancel")}
          </Button>
          <Button variant="primary" onClick={save} disabled={update.isPending}>
            {update.isPending ? <Spinner /> : null}
            {t("imageActions.save")}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {field(
          "name",
          t("imageActions.name"),
          <Input
            id="img-edit-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!issues.name}
            aria-describedby={issues.name ? "img-edit-name-error" : undefined}
          />,
        )}
        {field(
          "visibility",
          t("imageActions.visibility"),
          <Select id="img-edit-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`images.visibility.${v}`)}
              </option>
            ))}
          </Select>,
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="m-0 size-[26px] shrink-0" checked={prot} onChange={(e) => setProt(e.target.checked)} />
          {t("imageActions.protected")}
        </label>
        <div className="grid grid-cols-2 gap-3">
          {field(
            "minDiskGiB",
            t("imageActions.minDisk"),
            <Input id="img-edit-minDiskGiB" inputMode="numeric" value={minDisk} onChange={(e) => setMinDisk(e.target.value)} />,
          )}
          {field(
            "minRamMiB",
            t("imageActions.minRam"),
            <Input id="img-edit-minRamMiB" inputMode="numeric" value={minRam} onChange={(e) => setMinRam(e.target.value)} />,
          )}
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("imageActions.properties")}</legend>
          {rows.map((r, n) => (
            <div key={n} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2">
              <Input
                aria-label={t("imageActions.propertyKey")}
                value={r.key}
                onChange={(e) => setRows(rows.map((x, i) => (i === n ? { ...x, key: e.target.value } : x)))}
              />
              <Input
                aria-label={t("imageActions.propertyValue")}
                value={r.value}
                onChange={(e) => setRows(rows.map((x, i) => (i === n ? { ...x, value: e.target.value } : x)))}
              />
              <Button
                size="icon"
                variant="ghost"
                aria-label={t("imageActions.removeProperty", { key: r.key })}
                onClick={() => setRows(rows.filter((_, i) => i !== n))}
              >
                <Icon name="x" />
              </Button>
            </div>
          ))}
          {issues.setProperties ? <p className="text-xs text-danger">{issues.setProperties}</p> : null}
          <Button size="sm" onClick={() => setRows([...rows, { key: "", value: "" }])}>
            <Icon name="plus" />
            {t("imageActions.addProperty")}
          </Button>
        </fieldset>
        {update.error ? <QueryError title={t("imageActions.saveFailed")} error={update.error} /> : null}
      </div>
    </Dialog>
  );
}
