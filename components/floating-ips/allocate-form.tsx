"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFloatingIpMutations } from "@/lib/queries/floating-ips";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** Allocate from an external network; disabled, with the reason, when the cloud has none. */
export function AllocateForm({ networks }: { networks: { id: string; name: string }[] }) {
  const t = useT();
  const { allocate } = useFloatingIpMutations();
  const [net, setNet] = useState(networks[0]?.id ?? "");
  const chosen = networks.some((n) => n.id === net) ? net : (networks[0]?.id ?? "");
  if (!networks.length) return <p className="max-w-xs text-sm text-muted-foreground">{t("floatingIpsPage.noPool")}</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        allocate.mutate(chosen);
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="fip-pool">{t("floatingIpsPage.pool")}</Label>
        <Select id="fip-pool" value={chosen} onChange={(e) => setNet(e.target.value)} className="block">
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name || n.id}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="primary" disabled={allocate.isPending}>
        {t("floatingIpsPage.allocate")}
      </Button>
      {allocate.error ? <QueryError title={t("netforms.failed")} error={allocate.error} className="w-full" /> : null}
    </form>
  );
}
