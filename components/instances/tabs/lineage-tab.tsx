"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useSession } from "@/lib/queries/auth";
import type { InstanceDetail } from "@/lib/queries/instances";
import { instanceOpQueries } from "@/lib/queries/instance-ops";
import { Card } from "@/components/ui/card";
import { CardContent } from "@/components/ui/card-sections";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TabState } from "./tab-state";

/**
 * Where the instance's disk comes from (its image, or a volume) and the instance snapshots taken of it: the Glance
 * images that Lineage shows as its clone children. Admins get a link to the image's full tree.
 */
export function LineageTab({ instance: i }: { instance: InstanceDetail }) {
  const t = useT();
  const session = useSession();
  const q = useQuery(instanceOpQueries.snapshots(i.id));
  return (
    <Card>
      <CardContent className="space-y-3 text-sm">
        <p>
          {i.bootFromVolume
            ? t("instanceOps.bootedFromVolume")
            : t("instanceOps.bootedFromImage", { image: i.image?.name || i.image?.id || "—" })}
          {session.data?.isAdmin && i.image ? (
            <Link
              href={`/admin/lineage?image=${encodeURIComponent(i.image.id)}`}
              className="ml-2 text-primary underline-offset-4 hover:underline"
            >
              {t("instanceOps.openLineage")}
            </Link>
          ) : null}
        </p>
        <h3 className="font-medium">{t("instanceOps.snapshots")}</h3>
      </CardContent>
      <TabState q={q} isEmpty={(d) => !d.items.length} empty={t("instanceOps.noSnapshots")}>
        {(d) => (
          <>
            <Table aria-label={t("instanceOps.snapshots")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("instanceOps.colName")}</TableHead>
                  <TableHead>{t("instanceOps.colStatus")}</TableHead>
                  <TableHead>{t("instanceOps.colCreated")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.items.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell className="max-w-72 truncate" title={s.name ?? s.id}>
                      {s.name || <span className="font-mono text-xs">{s.id}</span>}
                    </TableCell>
                    <TableCell>{s.status}</TableCell>
                    <TableCell className="whitespace-nowrap text-xs">{s.created}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {d.truncated ? <p className="p-3 text-xs text-muted-foreground">{t("instanceOps.snapshotsTruncated")}</p> : null}
          </>
        )}
      </TabState>
    </Card>
  );
}
