"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useLazySchema } from "@/components/netops/use-lazy-schema";
import { useNetworkMutations, type NetworkDetail } from "@/lib/queries/networks";
import { QueryError } from "@/components/common/query-error";
import { fieldErrors } from "@/components/netops/field-errors";
import { FormField } from "@/components/netops/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const loadSchema = () => import("@/lib/schemas/network").then((m) => m.PortCreateFields);

export function AddPortForm({ networkId, subnets }: { networkId: string; subnets: NetworkDetail["subnets"] }) {
  const t = useT();
  const { createPort } = useNetworkMutations(networkId);
  const [f, setF] = useState({ name: "", subnetId: "", ipAddress: "" });
  const [touched, setTouched] = useState(false);
  const { schema, ensure } = useLazySchema(loadSchema);
  const input = { name: f.name, subnetId: f.subnetId || undefined, ipAddress: f.ipAddress || undefined };
  const parsed = schema?.safeParse(input);
  const errors = touched ? fieldErrors(parsed?.error?.issues as never) : {};
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-sm font-semibold">{t("networkDetail.addPort")}</h2>
      <form
        onFocus={() => void ensure()}
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          const r = (await ensure()).safeParse(input);
          if (r.success)
            createPort.mutate(r.data, { onSuccess: () => (setF({ name: "", subnetId: "", ipAddress: "" }), setTouched(false)) });
        }}
      >
        <FormField label={t("networkDetail.portName")} error={errors.name}>
          <Input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoComplete="off" />
        </FormField>
        <FormField label={t("networkDetail.portSubnet")}>
          <Select value={f.subnetId} onChange={(e) => setF({ ...f, subnetId: e.target.value })} className="w-full">
            <option value="">{t("networkDetail.anySubnet")}</option>
            {subnets.map((s) => (
              <option key={s.id} value={s.id}>
                {`${s.name || s.id.slice(0, 8)} (${s.cidr})`}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("networkDetail.portIp")} hint={t("networkDetail.ipHint")} error={errors.ipAddress}>
          <Input value={f.ipAddress} onChange={(e) => setF({ ...f, ipAddress: e.target.value })} className="font-mono" />
        </FormField>
        <Button type="submit" disabled={createPort.isPending}>
          {t("networkDetail.addPort")}
        </Button>
        {createPort.error ? <QueryError title={t("netforms.failed")} error={createPort.error} /> : null}
      </form>
    </Card>
  );
}
