"use client";

import { useT } from "@/lib/i18n/client";
import { useFlavors } from "@/lib/queries/flavors";
import { ListPageFrame, SkeletonRows } from "@/components/resources/table-states";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";

const gib = (n: number) => `${n} GiB`;

/** Read-only: tenants see the sizes they may launch; an administrator manages them. */
export function FlavorsClient() {
  const t = useT();
  return (
    <ListPageFrame
      ns="flavorsPage"
      icon="instances"
      list={useFlavors()}
      rows={(items) => (
        <Table aria-busy={!items}>
          <TableCaption>{t("flavorsPage.title")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("netforms.name")}</TableHead>
              <TableHead className="text-right">{t("flavorsPage.vcpus")}</TableHead>
              <TableHead className="text-right">{t("flavorsPage.ram")}</TableHead>
              <TableHead className="text-right">{t("flavorsPage.disk")}</TableHead>
              <TableHead className="text-right">{t("flavorsPage.ephemeral")}</TableHead>
              <TableHead>{t("flavorsPage.public")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {!items ? (
              <SkeletonRows columns={6} />
            ) : (
              items.map((f) => (
                <TableRow key={f.id} data-testid={`flavor-row-${f.name}`}>
                  <TableCell>
                    <div className={`font-medium ${truncateCell}`} title={f.description ?? f.name}>
                      {f.name}
                    </div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{f.vcpus}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.ramMiB >= 1024 ? gib(f.ramMiB / 1024) : `${f.ramMiB} MiB`}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.diskGiB ? gib(f.diskGiB) : t("flavorsPage.diskFromImage")}</TableCell>
                  <TableCell className="text-right tabular-nums">{gib(f.ephemeralGiB)}</TableCell>
                  <TableCell>
                    <Badge tone={f.isPublic ? "info" : "neutral"}>{f.isPublic ? t("flavorsPage.public") : t("flavorsPage.private")}</Badge>
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      )}
    />
  );
}
