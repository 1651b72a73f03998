"use client";

import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { useT } from "@/lib/i18n/client";
import type { VolumeDetail } from "@/lib/queries/volumes";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { VolumeStatusBadge } from "./volume-status-badge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-2 px-4 py-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** The volume's facts, its source, Cinder's volume_image_metadata verbatim, and its attachments. */
export function VolumeFacts({ volume: v }: { volume: VolumeDetail }) {
  const t = useT();
  const none = <span className="text-muted-foreground">{t("common.none")}</span>;
  const meta = Object.entries(v.imageMetadata).sort(([a], [b]) => a.localeCompare(b));
  const sourceId = v.source.id ?? "";
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <Card aria-labelledby="vol-facts-title">
        <CardHeader>
          <CardTitle id="vol-facts-title">{t("volumeActions.details")}</CardTitle>
        </CardHeader>
        <dl className="divide-y">
          <Fact label={t("volumeActions.colStatus")}>
            <VolumeStatusBadge status={v.status} transient={v.transient} />
          </Fact>
          <Fact label={t("volumeActions.colSize")}>
            <span data-testid="volume-size">{v.sizeGiB} GiB</span>
          </Fact>
          <Fact label={t("volumes.colType")}>{v.type ?? none}</Fact>
          <Fact label={t("volumeActions.source")}>
            <span data-testid="volume-source" data-source={v.source.type}>
              {v.source.type === "volume" ? (
                <IntentLink href={`/project/volumes/${sourceId}`} className="underline-offset-4 hover:underline">
                  {t("volumeActions.sourceFrom.volume", { id: sourceId })}
                </IntentLink>
              ) : v.source.type === "image" && v.sourceImage?.name ? (
                `${t("volumeActions.sourceFrom.image", { id: v.sourceImage.name })} (${sourceId})`
              ) : (
                t(`volumeActions.sourceFrom.${v.source.type}`, { id: sourceId })
              )}
            </span>
          </Fact>
          <Fact label={t("volumes.colBootable")}>{v.bootable ? t("common.yes") : t("common.no")}</Fact>
          <Fact label={t("volumeActions.multiattach")}>{v.multiattach ? t("common.yes") : t("common.no")}</Fact>
          <Fact label={t("volumeActions.zone")}>{v.availabilityZone ?? none}</Fact>
          <Fact label={t("volumeActions.description")}>{v.description ?? none}</Fact>
          <Fact label={t("volumeActions.id")}>
            <code className="font-mono text-xs">{v.id}</code>
          </Fact>
        </dl>
      </Card>
      <div className="space-y-4">
        <Card aria-labelledby="vol-att-title">
          <CardHeader>
            <CardTitle id="vol-att-title">{t("volumeActions.attachments")}</CardTitle>
          </CardHeader>
          {v.attachments.length ? (
            <Table>
              <TableCaption>{t("volumeActions.attachments")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("volumeActions.server")}</TableHead>
                  <TableHead>{t("volumeActions.device")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {v.attachments.map((a) => (
                  <TableRow key={a.serverId}>
                    <TableCell>
                      <IntentLink href={`/project/instances/${a.serverId}`} className="underline-offset-4 hover:underline">
                        {a.serverName ?? <span className="italic text-muted-foreground">{t("volumes.serverUnknown")}</span>}
                      </IntentLink>
                    </TableCell>
                    <TableCell className="font-mono text-xs">{a.device ?? none}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <p className="px-4 pb-4 text-sm text-muted-foreground">{t("volumeActions.attachmentsNone")}</p>
          )}
        </Card>
        <Card aria-labelledby="vol-meta-title">
          <CardHeader>
            <CardTitle id="vol-meta-title">{t("volumeActions.imageMetadata")}</CardTitle>
          </CardHeader>
          {meta.length ? (
            <Table data-testid="volume-image-metadata">
              <TableCaption>{t("volumeActions.imageMetadata")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("volumeActions.key")}</TableHead>
                  <TableHead>{t("volumeActions.value")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {meta.map(([k, val]) => (
                  <TableRow key={k}>
                    <TableCell className="font-mono text-xs">{k}</TableCell>
                    <TableCell className="max-w-96 break-all font-mono text-xs">{val}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <p className="px-4 pb-4 text-sm text-muted-foreground">{t("volumeActions.imageMetadataNone")}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
