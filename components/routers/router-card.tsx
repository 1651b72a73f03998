"use client";

import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useRouterMutations, type RouterList, type RouterSummary } from "@/lib/queries/routers";
import type { RouterConfirm } from "./router-confirm";
import { QueryError } from "@/components/common/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

interface Props {
  router: RouterSummary;
  list: RouterList;
  onConfirm: (c: RouterConfirm) => void;
}

/** One router: its gateway (set / clear), its interfaces (attach / detach), delete disabled with the reason. */
export function RouterCard({ router, list, onConfirm }: Props) {
  const t = useT();
  const id = useId();
  const m = useRouterMutations();
  const [ext, setExt] = useState("");
  const [subnet, setSubnet] = useState("");
  const attached = new Set(router.interfaces.map((i) => i.subnetId));
  const free = list.subnets.filter((s) => !attached.has(s.id));
  const extChoice = ext || list.externalNetworks[0]?.id || "";
  const subnetChoice = free.some((s) => s.id === subnet) ? subnet : (free[0]?.id ?? "");
  const error = m.setGateway.error ?? m.addInterface.error;
  return (
    <Card className="space-y-3 p-4" data-testid={`router-${router.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate font-semibold" title={router.name}>
            {router.name || t("routersPage.unnamed")}
          </h2>
          <p className="font-mono text-[11px] text-muted-foreground">{router.id}</p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <div className="flex items-center gap-2">
            <Badge tone={router.status === "ACTIVE" ? "success" : "neutral"} dot>
              {router.status}
            </Badge>
            <Button
              size="sm"
              variant="danger"
              disabled={router.interfaces.length > 0}
              aria-describedby={router.interfaces.length ? `${id}-del` : undefined}
              onClick={() => onConfirm({ kind: "delete", router })}
            >
              {t("netforms.delete")}
            </Button>
          </div>
          {router.interfaces.length ? (
            <p id={`${id}-del`} className="text-xs text-muted-foreground">
              {t("routersPage.deleteBlocked", { count: router.interfaces.length })}
            </p>
          ) : null}
        </div>
      </div>
      <section className="space-y-1">
        <h3 className="text-sm font-medium">{t("routersPage.gateway")}</h3>
        {router.gateway ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>{router.gateway.networkName || <span className="italic text-muted-foreground">{t("networks.unnamed")}</span>}</span>
            <code className="font-mono text-xs">{router.gateway.ips.join(", ")}</code>
            <Button size="sm" onClick={() => onConfirm({ kind: "clear", router })}>
              {t("routersPage.clearGateway")}
            </Button>
          </div>
        ) : list.externalNetworks.length ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="space-y-1">
              <Label htmlFor={`${id}-ext`}>{t("routersPage.chooseExternal")}</Label>
              <Select id={`${id}-ext`} value={extChoice} onChange={(e) => setExt(e.target.value)} className="block">
                {list.externalNetworks.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name || t("networks.unnamed")}
                  </option>
                ))}
              </Select>
            </div>
            <Button
              size="sm"
              disabled={m.setGateway.isPending}
              onClick={() => m.setGateway.mutate({ id: router.id, externalNetworkId: extChoice })}
            >
              {t("routersPage.setGateway")}
            </Button>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t("routersPage.noExternal")}</p>
        )}
      </section>
      <section className="space-y-1">
        <h3 className="text-sm font-medium">{t("routersPage.interfaces")}</h3>
        {router.interfaces.length ? (
          <ul className="space-y-1 text-sm">
            {router.interfaces.map((i) => (
              <li key={i.portId} className="flex flex-wrap items-center gap-2">
                <span>{i.networkName || i.networkId.slice(0, 8)}</span>
                <code className="font-mono text-xs">{i.ipAddress}</code>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onConfirm({ kind: "detach", router, subnetId: i.subnetId, subnet: `${i.networkName} ${i.ipAddress}` })}
                >
                  {t("routersPage.removeInterface")}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t("routersPage.noInterfaces")}</p>
        )}
        {free.length ? (
          <div className="flex flex-wrap items-end gap-2 pt-2">
            <div className="space-y-1">
              <Label htmlFor={`${id}-sub`}>{t("routersPage.chooseSubnet")}</Label>
              <Select id={`${id}-sub`} value={subnetChoice} onChange={(e) => setSubnet(e.target.value)} className="block">
                {free.map((s) => (
                  <option key={s.id} value={s.id}>
                    {`${s.networkName} · ${s.cidr}`}
                  </option>
                ))}
              </Select>
            </div>
            <Button
              size="sm"
              disabled={m.addInterface.isPending}
              onClick={() => m.addInterface.mutate({ id: router.id, subnetId: subnetChoice })}
            >
              {t("routersPage.addInterface")}
            </Button>
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">{t("routersPage.noSubnets")}</p>
        )}
      </section>
      {error ? <QueryError title={t("netforms.failed")} error={error} /> : null}
    </Card>
  );
}
