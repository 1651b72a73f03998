"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import type { InstanceDetail } from "@/lib/queries/instances";
import { instanceOpQueries } from "@/lib/queries/instance-ops";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { novaActionLabel } from "../nova-action-label";
import { TabState } from "./tab-state";

/** What was done to the instance, by whom, when, and Nova's result (os-instance-actions), newest first. */
export function ActionLogTab({ instance: i }: { instance: InstanceDetail }) {
  const t = useT();
  const q = useQuery(instanceOpQueries.actionLog(i.id));
  return (
    <Card>
      <TabState q={q} isEmpty={(d) => !d.items.length} empty={t("instanceOps.noActions")}>
        {(d) => (
          <Table aria-label={t("instanceOps.tab.actions")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("instanceOps.colAction")}</TableHead>
                <TableHead>{t("instanceOps.colStart")}</TableHead>
                <TableHead>{t("instanceOps.colUser")}</TableHead>
                <TableHead>{t("instanceOps.colMessage")}</TableHead>
                <TableHead>{t("instanceOps.colRequest")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.items.map((a) => (
                <TableRow key={a.requestId + a.action}>
                  <TableCell>{novaActionLabel(t, a.action)}</TableCell>
                  <TableCell className="whitespace-nowrap text-xs">{a.startTime.replace("T", " ").replace(/\.\d+$/, "")}</TableCell>
                  <TableCell>{a.userId ? t(a.mine ? "instanceOps.byYou" : "instanceOps.byOther") : "—"}</TableCell>
                  <TableCell className={a.message ? "text-danger" : undefined}>{a.message ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{a.requestId}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </TabState>
    </Card>
  );
}
