"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useLazySchema } from "@/components/netops/use-lazy-schema";
import { useRouterMutations } from "@/lib/queries/routers";
import { QueryError } from "@/components/common/query-error";
import { fieldErrors } from "@/components/netops/field-errors";
import { FormField } from "@/components/netops/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const loadSchema = () => import("@/lib/schemas/network").then((m) => m.RouterCreateFields);

export function CreateRouterForm({ externalNetworks }: { externalNetworks: { id: string; name: string }[] }) {
  const t = useT();
  const { create } = useRouterMutations();
  const [name, setName] = useState("");
  const [ext, setExt] = useState("");
  const [touched, setTouched] = useState(false);
  const { schema, ensure } = useLazySchema(loadSchema);
  const input = { name, externalNetworkId: ext || undefined };
  const parsed = schema?.safeParse(input);
  const errors = touched ? fieldErrors(parsed?.error?.issues as never) : {};
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-sm font-semibold">{t("routersPage.createTitle")}</h2>
      <form
        onFocus={() => void ensure()}
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          const r = (await ensure()).safeParse(input);
          if (r.success) create.mutate(r.data, { onSuccess: () => (setName(""), setExt(""), setTouched(false)) });
        }}
      >
        <FormField label={t("netforms.name")} error={errors.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField label={t("routersPage.gateway")} hint={externalNetworks.length ? undefined : t("routersPage.noExternal")}>
          <Select value={ext} onChange={(e) => setExt(e.target.value)} className="w-full" disabled={!externalNetworks.length}>
            <option value="">{t("routersPage.noGateway")}</option>
            {externalNetworks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name || t("networks.unnamed")}
              </option>
            ))}
          </Select>
        </FormField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t("netforms.creating") : t("netforms.create")}
        </Button>
        {create.error ? <QueryError title={t("netforms.failed")} error={create.error} /> : null}
      </form>
    </Card>
  );
}
