"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { RULE_PROTOCOLS } from "@/lib/schemas/rule-protocols";
import { useLazySchema } from "@/components/netops/use-lazy-schema";
import { useSecurityGroupMutations, type SecurityGroup } from "@/lib/queries/security-groups";
import { QueryError } from "@/components/common/query-error";
import { fieldErrors } from "@/components/netops/field-errors";
import { FormField } from "@/components/netops/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const loadSchema = () => import("@/lib/schemas/security-group").then((m) => m.SecurityGroupRuleFields);

const num = (v: string) => (v.trim() === "" ? null : Number(v));
const EMPTY = { direction: "ingress", protocol: "tcp", portMin: "", portMax: "", remoteKind: "any", cidr: "", groupId: "" };

/** Add a rule; every field is checked by the BFF's own schema as the user types (range order, CIDR host bits…). */
export function RuleForm({ group, groups }: { group: SecurityGroup; groups: SecurityGroup[] }) {
  const t = useT();
  const { addRule } = useSecurityGroupMutations();
  const [f, setF] = useState(EMPTY);
  const [touched, setTouched] = useState(false);
  const remote =
    f.remoteKind === "cidr"
      ? { kind: "cidr", cidr: f.cidr }
      : f.remoteKind === "group"
        ? { kind: "group", groupId: f.groupId || group.id }
        : { kind: "any" };
  const { schema, ensure } = useLazySchema(loadSchema);
  const input = {
    direction: f.direction,
    protocol: f.protocol,
    portMin: num(f.portMin),
    portMax: num(f.portMax),
    remote,
  };
  const parsed = schema?.safeParse(input);
  const errors = touched || f.portMin || f.portMax || f.cidr ? fieldErrors(parsed?.error?.issues as never) : {};
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form
      onFocus={() => void ensure()}
      className="grid gap-2 rounded-md border p-3 sm:grid-cols-2"
      aria-label={`${t("securityGroupsPage.addRule")}: ${group.name}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        const r = (await ensure()).safeParse(input);
        if (r.success) addRule.mutate({ id: group.id, rule: r.data }, { onSuccess: () => (setF(EMPTY), setTouched(false)) });
      }}
    >
      <FormField label={t("securityGroupsPage.direction")}>
        <Select value={f.direction} onChange={set("direction")} className="w-full">
          <option value="ingress">{t("securityGroupsPage.ingress")}</option>
          <option value="egress">{t("securityGroupsPage.egress")}</option>
        </Select>
      </FormField>
      <FormField label={t("securityGroupsPage.protocol")}>
        <Select value={f.protocol} onChange={set("protocol")} className="w-full">
          {RULE_PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {p === "any" ? t("securityGroupsPage.any") : p.toUpperCase()}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("securityGroupsPage.remote")}>
        <Select value={f.remoteKind} onChange={set("remoteKind")} className="w-full">
          <option value="any">{t("securityGroupsPage.remoteAny")}</option>
          <option value="cidr">{t("securityGroupsPage.remoteCidr")}</option>
          <option value="group">{t("securityGroupsPage.remoteGroup")}</option>
        </Select>
      </FormField>
      <FormField label={t("securityGroupsPage.portMin")} error={errors.portMin}>
        <Input value={f.portMin} onChange={set("portMin")} inputMode="numeric" className="font-mono" />
      </FormField>
      <FormField label={t("securityGroupsPage.portMax")} error={errors.portMax}>
        <Input value={f.portMax} onChange={set("portMax")} inputMode="numeric" className="font-mono" />
      </FormField>
      {f.remoteKind === "cidr" ? (
        <FormField label={t("securityGroupsPage.remoteCidr")} error={errors["remote.cidr"]}>
          <Input value={f.cidr} onChange={set("cidr")} placeholder="0.0.0.0/0" className="font-mono" />
        </FormField>
      ) : f.remoteKind === "group" ? (
        <FormField label={t("securityGroupsPage.remoteGroup")}>
          <Select value={f.groupId || group.id} onChange={set("groupId")} className="w-full">
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </FormField>
      ) : (
        <div />
      )}
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" disabled={addRule.isPending}>
          {t("securityGroupsPage.addRule")}
        </Button>
        {addRule.error ? <QueryError title={t("netforms.failed")} error={addRule.error} className="mt-2" /> : null}
      </div>
    </form>
  );
}
