"use client";

import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import type { InstanceDetail } from "@/lib/queries/instances";
import { formatMiB } from "@/lib/format/bytes";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { InstanceStatusBadge } from "./instance-status-badge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-2 px-4 py-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** The instance's facts, addresses and attached volumes. */
export function InstanceFacts({ instance: i }: { instance: InstanceDetail }) {
  const t = useT();
  const locale = useLocale();
  const none = <span className="text-muted-foreground">{t("common.none")}</span>;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <Card aria-labelledby="facts-title">
        <CardHeader>
          <CardTitle id="facts-title">{t("instances.overview")}</CardTitle>
        </CardHeader>
        <dl className="divide-y">
          <Fact label={t("instances.colStatus")}>
            <InstanceStatusBadge status={i.status} taskState={i.taskState} />
          </Fact>
          <Fact label={t("instances.colImage")}>
            {i.bootFromVolume ? t("instances.bootFromVolume") : (i.image?.name ?? <span className="font-mono text-xs">{i.image?.id}</span>)}
          </Fact>
          <Fact label={t("instances.colFlavor")}>
            {i.flavor.name ?? none}
            {i.flavor.vcpus != null ? (
              <span className="ml-1 text-xs text-muted-foreground">
                (
                {t("instances.flavorShape", {
                  vcpus: i.flavor.vcpus,
                  ram: formatMiB(i.flavor.ramMiB, locale) ?? "?",
                  disk: i.flavor.diskGiB ?? 0,
                })}
                )
              </span>
            ) : null}
          </Fact>
          <Fact label={t("instances.zone")}>{i.availabilityZone ?? none}</Fact>
          <Fact label={t("instances.keyPair")}>{i.keyName ?? none}</Fact>
          <Fact label={t("instances.securityGroups")}>
            {i.securityGroups.length ? (
              <span className="flex flex-wrap gap-1">
                {i.securityGroups.map((g) => (
                  <Badge key={g}>{g}</Badge>
                ))}
              </span>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t("instances.colCreated")}>
            <RelativeTime value={i.created} />
          </Fact>
          <Fact label={t("instances.launched")}>{i.launchedAt ? <RelativeTime value={i.launchedAt} /> : none}</Fact>
          <Fact label={t("instances.id")}>
            <code className="font-mono text-xs select-all">{i.id}</code>
          </Fact>
        </dl>
      </Card>
      <div className="grid gap-4">
        <Card aria-labelledby="volumes-title">
          <CardHeader>
            <CardTitle id="volumes-title">{t("instances.volumes")}</CardTitle>
          </CardHeader>
          {i.volumes.length ? (
            <Table>
              <TableCaption>{t("instances.volumes")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("volumes.colName")}</TableHead>
                  <TableHead>{t("instances.device")}</TableHead>
                  <TableHead>{t("volumes.colSize")}</TableHead>
                  <TableHead>{t("volumes.colStatus")}</TableHead>
                  <TableHead>{t("instances.deleteOnTermination")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {i.volumes.map((v) => (
                  <TableRow key={v.id}>
                    <TableCell>
                      <IntentLink href={`/project/volumes?q=${v.id}`} className="font-medium text-primary hover:underline">
                        {v.name || v.id.slice(0, 8)}
                      </IntentLink>
                      {v.bootable ? <Badge className="ml-2">{t("volumes.bootable")}</Badge> : null}
                    </TableCell>
                    <TableCell className="font-mono text-xs">{v.device ?? t("common.none")}</TableCell>
                    <TableCell>{v.sizeGiB != null ? `${v.sizeGiB} GiB` : t("common.none")}</TableCell>
                    <TableCell>{v.status ?? t("common.none")}</TableCell>
                    <TableCell>
                      {v.deleteOnTermination == null ? t("common.none") : v.deleteOnTermination ? t("common.yes") : t("common.no")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <p className="px-4 py-6 text-sm text-muted-foreground">{t("instances.noVolumes")}</p>
          )}
        </Card>
        <Card aria-labelledby="addresses-title">
          <CardHeader>
            <CardTitle id="addresses-title">{t("instances.colAddresses")}</CardTitle>
          </CardHeader>
          {i.addresses.length ? (
            <dl className="divide-y">
              {i.addresses.map((a) => (
                <Fact key={`${a.network}-${a.addr}`} label={a.network}>
                  <code className="font-mono text-xs">{a.addr}</code>
                  <span className="ml-2 text-xs text-muted-foreground">
                    IPv{a.version}
                    {a.type ? ` · ${a.type}` : ""}
                  </span>
                </Fact>
              ))}
            </dl>
          ) : (
            <p className="px-4 py-6 text-sm text-muted-foreground">{t("instances.noAddresses")}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
