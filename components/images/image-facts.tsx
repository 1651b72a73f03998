"use client";

import type { ReactNode } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import type { ImageDetail } from "@/lib/queries/images";
import { formatBytes } from "@/lib/format/bytes";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_minmax(0,1fr)] gap-2 px-4 py-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Stored size against virtual size as text and as a bar (the bar is decoration: the text carries the numbers). */
function SizeFact({ image: i }: { image: ImageDetail }) {
  const t = useT();
  const locale = useLocale();
  if (i.sizeBytes == null) return <>{t("imageActions.unknown")}</>;
  const size = formatBytes(i.sizeBytes, locale) ?? "?";
  if (!i.virtualSizeBytes) return <>{size}</>;
  const percent = Math.round((i.sizeBytes / i.virtualSizeBytes) * 100);
  return (
    <div className="space-y-1" data-testid="image-size">
      <p>{t("imageActions.sizeAgainstVirtual", { size, virtual: formatBytes(i.virtualSizeBytes, locale) ?? "?", percent })}</p>
      <div className="h-2 w-full max-w-64 rounded-full bg-muted" aria-hidden>
        <div className="h-2 rounded-full bg-primary" style={{ width: `${Math.min(100, percent)}%` }} />
      </div>
    </div>
  );
}

/** The image's facts, its custom properties and its import state. */
export function ImageFacts({ image: i }: { image: ImageDetail }) {
  const t = useT();
  const locale = useLocale();
  const props = Object.entries(i.properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-[minmax(0,30rem)_minmax(0,1fr)]">
      <Card aria-labelledby="image-facts-title">
        <CardHeader>
          <CardTitle id="image-facts-title">{t("imageActions.facts")}</CardTitle>
        </CardHeader>
        <dl className="divide-y">
          <Fact label={t("imageActions.status")}>{i.status}</Fact>
          <Fact label={t("imageActions.format")}>
            <span className="font-mono" data-testid="image-format">
              {i.diskFormat ?? t("imageActions.unknown")}
            </span>
            {i.containerFormat ? <span className="ml-1 text-xs text-muted-foreground">({i.containerFormat})</span> : null}
          </Fact>
          <Fact label={t("imageActions.size")}>
            <SizeFact image={i} />
          </Fact>
          <Fact label={t("imageActions.minimums")}>
            {t("images.minDisk", { size: i.minDiskGiB })} ·{" "}
            {t("images.minRam", { size: formatBytes(i.minRamMiB * 1048576, locale) ?? "0" })}
          </Fact>
          <Fact label={t("imageActions.visibility")}>
            <Badge>{i.visibility}</Badge> {i.protected ? <Badge tone="info">{t("images.protected")}</Badge> : null}
          </Fact>
          <Fact label={t("imageActions.owner")}>
            {i.ownedByProject ? t("imageActions.ownerThisProject") : <code className="font-mono text-xs">{i.owner ?? "?"}</code>}
          </Fact>
          <Fact label={t("imageActions.clones")}>
            <span data-testid="image-clones">{i.clones.count ?? t("imageActions.clonesUnknown")}</span>
          </Fact>
          {i.checksum ? (
            <Fact label={t("imageActions.checksum")}>
              <code className="font-mono text-xs">{i.checksum}</code>
            </Fact>
          ) : null}
          <Fact label={t("imageActions.created")}>
            <RelativeTime value={i.created} />
          </Fact>
          <Fact label={t("imageActions.updated")}>
            <RelativeTime value={i.updated} />
          </Fact>
        </dl>
      </Card>
      <div className="space-y-4">
        <Card aria-labelledby="image-props-title">
          <CardHeader>
            <CardTitle id="image-props-title">{t("imageActions.properties")}</CardTitle>
          </CardHeader>
          {props.length ? (
            <dl className="divide-y" data-testid="image-properties">
              {props.map(([k, v]) => (
                <Fact key={k} label={k}>
                  <span className="font-mono text-xs">{v}</span>
                </Fact>
              ))}
            </dl>
          ) : (
            <CardContent className="text-sm text-muted-foreground">{t("imageActions.noProperties")}</CardContent>
          )}
        </Card>
        {i.importStatus.importing || i.importStatus.failedStores || i.importStatus.lastTask ? (
          <Card aria-labelledby="image-import-title">
            <CardHeader>
              <CardTitle id="image-import-title">{t("imageActions.importState")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-1 text-sm" data-testid="image-import-state">
              {i.importStatus.importing ? <p>{t("imageActions.importing")}</p> : null}
              {i.importStatus.failedStores ? (
                <p className="text-danger">{t("imageActions.importFailed", { stores: i.importStatus.failedStores })}</p>
              ) : null}
              {i.importStatus.lastTask ? (
                <p>{t("imageActions.lastTask", { status: i.importStatus.lastTask.status, message: i.importStatus.lastTask.message })}</p>
              ) : null}
            </CardContent>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
