"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useSecurityGroupMutations, useSecurityGroups, type SecurityGroup, type SecurityGroupRule } from "@/lib/queries/security-groups";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { CreateGroupForm } from "@/components/security-groups/create-group-form";
import { GroupCard, ruleText } from "@/components/security-groups/group-card";
import { cardStack, stackRows, withAside } from "@/components/resources/list-layouts";
import { ListPageFrame } from "@/components/resources/table-states";

type Confirm = { kind: "group"; group: SecurityGroup } | { kind: "rule"; group: SecurityGroup; rule: SecurityGroupRule } | null;

export function SecurityGroupsClient() {
  const t = useT();
  const list = useSecurityGroups();
  const m = useSecurityGroupMutations();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const groups = list.data?.items;
  const mutation = confirm?.kind === "group" ? m.remove : m.removeRule;
  const names = new Map((groups ?? []).map((g) => [g.id, g.name]));
  const rt = confirm?.kind === "rule" ? ruleText(t, confirm.rule, names) : null;
  return (
    <>
      <ListPageFrame
        ns="securityGroupsPage"
        icon="shield"
        list={list}
        container={cardStack(!groups)}
        layout={withAside(<CreateGroupForm />)}
        rows={(items) =>
          stackRows(items, (g) => (
            <GroupCard
              key={g.id}
              group={g}
              groups={items!}
              onDelete={() => setConfirm({ kind: "group", group: g })}
              onRemoveRule={(rule) => setConfirm({ kind: "rule", group: g, rule })}
            />
          ))
        }
      />
      <LazyConfirmDialog
        open={!!confirm}
        onOpenChange={(o) => !o && (setConfirm(null), mutation.reset())}
        title={
          confirm?.kind === "group"
            ? t("securityGroupsPage.deleteTitle", { name: confirm.group.name })
            : t("securityGroupsPage.removeRuleTitle", { direction: rt?.direction ?? "" })
        }
        consequences={[
          confirm?.kind === "group"
            ? t("securityGroupsPage.deleteBody", { count: confirm.group.rules.length })
            : t("securityGroupsPage.removeRuleBody", {
                protocol: rt?.protocol ?? "",
                ports: rt?.ports ?? "",
                remote: rt?.remote ?? "",
                group: confirm?.group.name ?? "",
              }),
        ]}
        confirmLabel={confirm?.kind === "group" ? t("netforms.delete") : t("securityGroupsPage.removeRule")}
        pending={mutation.isPending}
        error={mutation.error}
        onConfirm={() => {
          if (!confirm) return;
          const done = { onSuccess: () => setConfirm(null) };
          if (confirm.kind === "group") m.remove.mutate(confirm.group.id, done);
          else m.removeRule.mutate({ id: confirm.group.id, ruleId: confirm.rule.id }, done);
        }}
      />
    </>
  );
}
