"use client";

import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFloatingIpMutations, type FloatingIp, type FloatingIpTarget } from "@/lib/queries/floating-ips";
import { QueryError } from "@/components/common/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { TableCell, TableRow } from "@/components/ui/table";

interface Props {
  fip: FloatingIp;
  targets: FloatingIpTarget[];
  onRelease: () => void;
  onDisassociate: () => void;
}

/** One floating IP: where it maps, and associate (only with a port a router connects to its network, else the reason). */
export function FloatingIpRow({ fip, targets, onRelease, onDisassociate }: Props) {
  const t = useT();
  const id = useId();
  const { associate } = useFloatingIpMutations();
  const [portId, setPortId] = useState("");
  const target = targets.find((x) => x.portId === portId);
  const unreachable = target && !target.reachableFrom.includes(fip.networkId);
  return (
    <TableRow data-testid={`fip-row-${fip.address}`}>
      <TableCell className="font-mono text-sm">{fip.address}</TableCell>
      <TableCell>{fip.networkName || <span className="italic text-muted-foreground">{t("networks.unnamed")}</span>}</TableCell>
      <TableCell>
        {fip.portId ? (
          <span>
            {fip.instance ? fip.instance.name || t("instances.unnamed") : null}{" "}
            <span className="font-mono text-xs text-muted-foreground">{fip.fixedIp}</span>
          </span>
        ) : (
          <div className="space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${id}-t`} className="sr-only">
                {t("floatingIpsPage.target")}
              </label>
              <Select id={`${id}-t`} value={portId} onChange={(e) => setPortId(e.target.value)} disabled={!targets.length}>
                <option value="">{targets.length ? t("floatingIpsPage.target") : t("floatingIpsPage.noTargets")}</option>
                {targets.map((x) => (
                  <option key={x.portId} value={x.portId}>
                    {`${x.instance.name || t("instances.unnamed")} · ${x.fixedIp}`}
                  </option>
                ))}
              </Select>
              <Button
                size="sm"
                variant="primary"
                disabled={!target || !!unreachable || associate.isPending}
                aria-describedby={unreachable ? `${id}-why` : undefined}
                onClick={() => target && associate.mutate({ id: fip.id, portId: target.portId })}
              >
                {t("floatingIpsPage.associate")}
              </Button>
            </div>
            {unreachable ? (
              <p id={`${id}-why`} className="text-xs text-warning">
                {t("floatingIpsPage.unreachable", { network: fip.networkName })}
              </p>
            ) : null}
            {associate.error ? <QueryError title={t("netforms.failed")} error={associate.error} /> : null}
          </div>
        )}
      </TableCell>
      <TableCell>
        <Badge tone={fip.status === "ACTIVE" ? "success" : "neutral"}>{fip.status}</Badge>
      </TableCell>
      <TableCell>
        <div className="flex justify-end gap-2">
          {fip.portId ? (
            <Button size="sm" onClick={onDisassociate}>
              {t("floatingIpsPage.disassociate")}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={onRelease}>
            {t("floatingIpsPage.release")}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}
