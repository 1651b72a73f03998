"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useLazySchema } from "@/components/netops/use-lazy-schema";
import { useSecurityGroupMutations } from "@/lib/queries/security-groups";
import { QueryError } from "@/components/common/query-error";
import { fieldErrors } from "@/components/netops/field-errors";
import { FormField } from "@/components/netops/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

const loadSchema = () => import("@/lib/schemas/security-group").then((m) => m.SecurityGroupCreateFields);

export function CreateGroupForm() {
  const t = useT();
  const { create } = useSecurityGroupMutations();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [touched, setTouched] = useState(false);
  const { schema, ensure } = useLazySchema(loadSchema);
  const input = { name, description };
  const parsed = schema?.safeParse(input);
  const errors = touched ? fieldErrors(parsed?.error?.issues as never) : {};
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-sm font-semibold">{t("securityGroupsPage.createTitle")}</h2>
      <form
        onFocus={() => void ensure()}
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          const r = (await ensure()).safeParse(input);
          if (r.success) create.mutate(r.data, { onSuccess: () => (setName(""), setDescription(""), setTouched(false)) });
        }}
      >
        <FormField label={t("netforms.name")} error={errors.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField label={t("securityGroupsPage.descriptionField")} error={errors.description}>
          <Input value={description} onChange={(e) => setDescription(e.target.value)} autoComplete="off" />
        </FormField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t("netforms.creating") : t("netforms.create")}
        </Button>
        {create.error ? <QueryError title={t("netforms.failed")} error={create.error} /> : null}
      </form>
    </Card>
  );
}
