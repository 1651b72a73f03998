"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { CONTAINER_FORMATS, DISK_FORMATS, VISIBILITIES } from "@/lib/schemas/image-enums";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import { imageKeys, useImportInfo, useWebDownload } from "@/lib/queries/images";
import { type UploadProgress, uploadImage } from "@/lib/queries/image-upload";
import { QueryError } from "@/components/common/query-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { formatFromFileName, nameFromFileName, percentOf } from "./upload-fields";

type Source = "file" | "url";

/**
 * Upload a file (streamed through the BFF to Glance, with progress) or have Glance download a URL (web-download,
 * where this Glance enables it). The fields are validated with the route's own schema.
 */
export function UploadForm() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const qc = useQueryClient();
  const info = useImportInfo();
  const webDownload = useWebDownload();
  const [source, setSource] = useState<Source>("file");
  const [file, setFile] = useState<File | null>(null);
  const [uri, setUri] = useState("");
  const [name, setName] = useState("");
  const [diskFormat, setDiskFormat] = useState<string>("raw");
  const [containerFormat, setContainerFormat] = useState<string>("bare");
  const [visibility, setVisibility] = useState<string>("private");
  const [minDisk, setMinDisk] = useState("0");
  const [minRam, setMinRam] = useState("0");
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const urlOffered = info.data?.webDownload === true;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // The route's own schema, loaded on submit rather than with the page (zod stays out of the first load).
    const { ImageCreateFields, WebDownloadFields } = await import("@/lib/schemas/image");
    const parsed = ImageCreateFields.safeParse({ name, diskFormat, containerFormat, visibility, minDiskGiB: minDisk, minRamMiB: minRam });
    const next: Record<string, string> = {};
    if (!parsed.success)
      for (const i of parsed.error.issues)
        next[String(i.path[0])] = i.path[0] === "name" ? t("imageActions.errors.name") : t("imageActions.errors.number");
    if (source === "file" && !file) next.file = t("imageActions.errors.file");
    if (source === "url" && !WebDownloadFields.safeParse({ uri }).success) next.uri = t("imageActions.errors.url");
    setIssues(next);
    if (!parsed.success || Object.keys(next).length) return;
    setError(null);
    if (source === "url") {
      webDownload.mutate({ ...parsed.data, uri }, { onSuccess: (r) => router.push(`/project/images/${r.id}`), onError: setError });
      return;
    }
    setBusy(true);
    abort.current = new AbortController();
    try {
      const id = await uploadImage(parsed.data, file!, setProgress, abort.current.signal);
      await qc.invalidateQueries({ queryKey: imageKeys.all });
      setUploaded(id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const pct = progress ? percentOf(progress.loaded, progress.total) : 0;
  const field = (id: string, label: string, input: React.ReactNode) => (
    <div className="space-y-1">
      <Label htmlFor={`img-up-${id}`}>{label}</Label>
      {input}
      {issues[id] ? (
        <p id={`img-up-${id}-error`} className="text-xs text-danger">
          {issues[id]}
        </p>
      ) : null}
    </div>
  );
  const pending = busy || webDownload.isPending;

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" noValidate>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("imageActions.source")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            className="m-0 size-[26px] shrink-0"
            name="source"
            checked={source === "file"}
            onChange={() => setSource("file")}
          />
          {t("imageActions.sourceFile")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            className="m-0 size-[26px] shrink-0"
            name="source"
            checked={source === "url"}
            disabled={!urlOffered}
            onChange={() => setSource("url")}
            aria-describedby={urlOffered ? undefined : "img-up-url-off"}
          />
          {t("imageActions.sourceUrl")}
        </label>
        {!urlOffered && info.data ? (
          <p id="img-up-url-off" className="text-xs text-muted-foreground">
            {t("imageActions.sourceUrlUnavailable")}
          </p>
        ) : null}
      </fieldset>
      {source === "file"
        ? field(
            "file",
            t("imageActions.file"),
            <Input
              id="img-up-file"
              type="file"
              aria-invalid={!!issues.file}
              aria-describedby={issues.file ? "img-up-file-error" : undefined}
              onChange={(e) => {
                const f = e.target.files?.[0] ?? null;
                setFile(f);
                if (f) {
                  if (!name) setName(nameFromFileName(f.name));
                  setDiskFormat(formatFromFileName(f.name) ?? diskFormat);
                }
              }}
            />,
          )
        : field(
            "uri",
            t("imageActions.url"),
            <Input
              id="img-up-uri"
              type="url"
              value={uri}
              onChange={(e) => setUri(e.target.value)}
              aria-invalid={!!issues.uri}
              aria-describedby={issues.uri ? "img-up-uri-error" : undefined}
            />,
          )}
      {field(
        "name",
        t("imageActions.name"),
        <Input
          id="img-up-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!issues.name}
          aria-describedby={issues.name ? "img-up-name-error" : undefined}
        />,
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        {field(
          "diskFormat",
          t("imageActions.diskFormat"),
          <Select id="img-up-diskFormat" value={diskFormat} onChange={(e) => setDiskFormat(e.target.value)}>
            {DISK_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </Select>,
        )}
        {field(
          "containerFormat",
          t("imageActions.containerFormat"),
          <Select id="img-up-containerFormat" value={containerFormat} onChange={(e) => setContainerFormat(e.target.value)}>
            {CONTAINER_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </Select>,
        )}
        {field(
          "visibility",
          t("imageActions.visibility"),
          <Select id="img-up-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`images.visibility.${v}`)}
              </option>
            ))}
          </Select>,
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {field(
          "minDiskGiB",
          t("imageActions.minDisk"),
          <Input id="img-up-minDiskGiB" inputMode="numeric" value={minDisk} onChange={(e) => setMinDisk(e.target.value)} />,
        )}
        {field(
          "minRamMiB",
          t("imageActions.minRam"),
          <Input id="img-up-minRamMiB" inputMode="numeric" value={minRam} onChange={(e) => setMinRam(e.target.value)} />,
        )}
      </div>
      {diskFormat !== "raw" ? <Alert tone="warning" title={t("imageActions.formatNotRaw", { format: diskFormat })} /> : null}
      {progress ? (
        <div className="space-y-1" data-testid="upload-progress">
          <progress className="h-2 w-full" max={100} value={pct} aria-label={t("imageActions.progressLabel")} />
          <p role="status" className="text-sm">
            {t("imageActions.progress", {
              loaded: formatBytes(progress.loaded, locale) ?? "0",
              total: formatBytes(progress.total, locale) ?? "?",
              percent: pct,
            })}
          </p>
        </div>
      ) : null}
      {uploaded ? (
        <Alert tone="info" title={t("imageActions.done")}>
          <Link className="underline" href={`/project/images/${uploaded}`}>
            {t("imageActions.openImage")}
          </Link>
        </Alert>
      ) : null}
      {error ? <QueryError title={t("imageActions.failed")} error={error} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending || !!uploaded}>
          {pending ? <Spinner /> : null}
          {source === "url" ? t("imageActions.startUrl") : t("imageActions.start")}
        </Button>
        {busy ? <Button onClick={() => abort.current?.abort()}>{t("imageActions.cancel")}</Button> : null}
      </div>
    </form>
  );
}
