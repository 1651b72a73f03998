"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useLazySchema } from "@/components/netops/use-lazy-schema";
import { useNetworkMutations } from "@/lib/queries/networks";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { fieldErrors } from "@/components/netops/field-errors";
import { FormField } from "@/components/netops/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

const loadSchema = () => import("@/lib/schemas/network").then((m) => m.NetworkCreateFields);

/** One form: the network and its first subnet, each field checked by the BFF's own schema as it is typed. */
export function CreateNetworkClient() {
  const t = useT();
  const router = useRouter();
  const { create } = useNetworkMutations();
  const [f, setF] = useState({ name: "", withSubnet: true, subnetName: "", cidr: "", gatewayIp: "", enableDhcp: true });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const body = {
    name: f.name,
    subnet: f.withSubnet ? { name: f.subnetName, cidr: f.cidr, gatewayIp: f.gatewayIp || undefined, enableDhcp: f.enableDhcp } : undefined,
  };
  const { schema, ensure } = useLazySchema(loadSchema);
  const input = body;
  const parsed = schema?.safeParse(input);
  const all = fieldErrors(parsed?.error?.issues as never);
  const err = (k: string) => (touched[k] || touched.submit ? all[k] : undefined);
  const set = (k: keyof typeof f, v: string | boolean) => setF((x) => ({ ...x, [k]: v }));
  const blur = (k: string) => () => setTouched((x) => ({ ...x, [k]: true }));
  return (
    <>
      <PageHeader eyebrow={t("nav.networks")} title={t("networkDetail.createTitle")} description={t("networkDetail.createDescription")} />
      <Card className="max-w-lg p-4">
        <form
          onFocus={() => void ensure()}
          className="space-y-3"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched({ submit: true });
            const r = (await ensure()).safeParse(input);
            if (!r.success) return;
            create.mutate(r.data, { onSuccess: (d) => router.push(`/project/networks/${d.network.id}`) });
          }}
        >
          <FormField label={t("netforms.name")} error={err("name")}>
            <Input value={f.name} onChange={(e) => set("name", e.target.value)} onBlur={blur("name")} autoComplete="off" />
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={f.withSubnet} onChange={(e) => set("withSubnet", e.target.checked)} />
            {t("networkDetail.withSubnet")}
          </label>
          {f.withSubnet ? (
            <fieldset className="space-y-3 rounded-md border p-3">
              <legend className="px-1 text-sm font-medium">{t("networkDetail.subnets")}</legend>
              <FormField label={t("networkDetail.subnetName")}>
                <Input value={f.subnetName} onChange={(e) => set("subnetName", e.target.value)} autoComplete="off" />
              </FormField>
              <FormField label={t("networkDetail.cidr")} error={err("subnet.cidr")}>
                <Input
                  value={f.cidr}
                  onChange={(e) => set("cidr", e.target.value)}
                  onBlur={blur("subnet.cidr")}
                  placeholder="10.0.0.0/24"
                  className="font-mono"
                />
              </FormField>
              <FormField label={t("networkDetail.gatewayIp")} hint={t("networkDetail.gatewayHint")} error={err("subnet.gatewayIp")}>
                <Input
                  value={f.gatewayIp}
                  onChange={(e) => set("gatewayIp", e.target.value)}
                  onBlur={blur("subnet.gatewayIp")}
                  className="font-mono"
                />
              </FormField>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={f.enableDhcp} onChange={(e) => set("enableDhcp", e.target.checked)} />
                {t("networkDetail.enableDhcp")}
              </label>
            </fieldset>
          ) : null}
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t("netforms.creating") : t("networkDetail.createButton")}
          </Button>
          {create.error ? <QueryError title={t("netforms.failed")} error={create.error} /> : null}
        </form>
      </Card>
    </>
  );
}
