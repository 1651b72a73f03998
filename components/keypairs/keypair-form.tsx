"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useLazySchema } from "@/components/netops/use-lazy-schema";
import { useKeypairMutations, type KeypairCreated } from "@/lib/queries/keypairs";
import { QueryError } from "@/components/common/query-error";
import { fieldErrors } from "@/components/netops/field-errors";
import { FormField } from "@/components/netops/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PrivateKeyPanel } from "./private-key-panel";

const loadSchema = () => import("@/lib/schemas/keypair").then((m) => m.KeypairCreateFields);

/** Create (Nova generates the pair) or import a public key; validated at each field by the BFF's own schema. */
export function KeypairForm() {
  const t = useT();
  const { create } = useKeypairMutations();
  const [name, setName] = useState("");
  const [publicKey, setPublicKey] = useState("");
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<KeypairCreated | null>(null);
  const { schema, ensure } = useLazySchema(loadSchema);
  const input = { name, publicKey: publicKey || undefined };
  const parsed = schema?.safeParse(input);
  const errors = touched ? fieldErrors(parsed?.error?.issues as never) : {};
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-sm font-semibold">{t("keypairsPage.createTitle")}</h2>
      <form
        onFocus={() => void ensure()}
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          const r = (await ensure()).safeParse(input);
          if (!r.success) return;
          create.mutate(r.data, {
            onSuccess: (k) => {
              setCreated(k);
              setName("");
              setPublicKey("");
              setTouched(false);
            },
          });
        }}
      >
        <FormField label={t("netforms.name")} error={errors.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField label={t("keypairsPage.publicKey")} hint={t("keypairsPage.publicKeyHint")} error={errors.publicKey}>
          <textarea
            value={publicKey}
            onChange={(e) => setPublicKey(e.target.value)}
            rows={3}
            className="w-full rounded-md border border-input bg-surface px-3 py-2 font-mono text-xs aria-invalid:border-danger"
          />
        </FormField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t("netforms.creating") : t("netforms.create")}
        </Button>
        {create.error ? <QueryError title={t("netforms.failed")} error={create.error} /> : null}
      </form>
      {created?.privateKey ? <PrivateKeyPanel name={created.name} privateKey={created.privateKey} onDone={() => setCreated(null)} /> : null}
    </Card>
  );
}
