"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { InstanceDetail } from "@/lib/queries/instances";
import { instanceOpQueries, useInstanceOp, type InstancePortRow } from "@/lib/queries/instance-ops";
import { UnavailableNotice } from "@/components/common/unavailable-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { OpDialog } from "../ops/op-dialog";
import { ConfirmDetach } from "./confirm-detach";
import { portLabel } from "./port-label";
import { TabState } from "./tab-state";

/** The instance's interfaces (os-interface), each detachable, and an attach that follows the policy. */
export function PortsTab({ instance: i }: { instance: InstanceDetail }) {
  const t = useT();
  const q = useQuery(instanceOpQueries.ports(i.id));
  const op = useInstanceOp(i.id);
  const [detaching, setDetaching] = useState<InstancePortRow | null>(null);
  const [attaching, setAttaching] = useState(false);
  const attach = i.actions.find((a) => a.action === "attach-interface");
  return (
    <Card>
      <div className="flex items-center justify-end gap-2 p-3">
        <Button variant="secondary" disabled={!attach?.enabled} title={attach?.message ?? undefined} onClick={() => setAttaching(true)}>
          {t("instances.action.attach-interface")}
        </Button>
      </div>
      <TabState q={q} isEmpty={(d) => !d.items.length} empty={t("instanceOps.noPorts")}>
        {(d) => (
          <>
            <UnavailableNotice unavailable={d.unavailable} />
            <Table aria-label={t("instanceOps.tab.ports")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("instanceOps.colPort")}</TableHead>
                  <TableHead>{t("instanceOps.colNetwork")}</TableHead>
                  <TableHead>{t("instanceOps.colIps")}</TableHead>
                  <TableHead>{t("instanceOps.colMac")}</TableHead>
                  <TableHead>{t("instanceOps.colState")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("instances.actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.items.map((p) => (
                  <TableRow key={p.portId}>
                    <TableCell className={p.name ? "font-medium" : "font-mono text-xs"}>{portLabel(p)}</TableCell>
                    <TableCell>
                      {p.networkNameKnown ? (
                        <Link href={`/project/networks/${p.networkId}`} className="text-primary underline-offset-4 hover:underline">
                          {p.networkName || t("instanceOps.unnamedNetwork")}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">{t("instanceOps.networkUnknown")}</span>
                      )}
                    </TableCell>
                    <TableCell>{p.fixedIps.join(", ") || "—"}</TableCell>
                    <TableCell className="font-mono text-xs">{p.mac}</TableCell>
                    <TableCell>{p.state}</TableCell>
                    <TableCell className="text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`${t("instanceOps.detach")} ${portLabel(p)}`}
                        onClick={() => setDetaching(p)}
                      >
                        {t("instanceOps.detach")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </TabState>
      <ConfirmDetach
        open={!!detaching}
        title={t("instanceOps.detachPortTitle", { port: detaching ? portLabel(detaching) : "", name: i.name || t("instances.unnamed") })}
        body={t("instanceOps.detachPortBody", { ips: detaching?.fixedIps.join(", ") || "—" })}
        pending={op.isPending}
        error={op.error}
        onCancel={() => {
          setDetaching(null);
          op.reset();
        }}
        onConfirm={() => detaching && op.mutate({ kind: "detach-port", portId: detaching.portId }, { onSuccess: () => setDetaching(null) })}
      />
      <OpDialog open={attaching} action="attach-interface" instance={i} onOpenChange={setAttaching} />
    </Card>
  );
}
