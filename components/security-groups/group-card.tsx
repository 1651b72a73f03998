"use client";

import { useId } from "react";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import type { SecurityGroup, SecurityGroupRule } from "@/lib/queries/security-groups";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RuleForm } from "./rule-form";

/** A rule in words: direction, protocol, port range, remote. */
export function ruleText(t: Translate, r: SecurityGroupRule, names: ReadonlyMap<string, string>) {
  const ports =
    r.portMin === null
      ? t("securityGroupsPage.allPorts")
      : r.portMax === null || r.portMax === r.portMin
        ? String(r.portMin)
        : `${r.portMin}–${r.portMax}`;
  return {
    direction: r.direction === "ingress" ? t("securityGroupsPage.ingress") : t("securityGroupsPage.egress"),
    protocol: r.protocol ? r.protocol.toUpperCase() : t("securityGroupsPage.any"),
    ports,
    remote: r.remoteGroupId
      ? (names.get(r.remoteGroupId) ?? t("securityGroupsPage.remoteOtherGroup"))
      : (r.remoteCidr ?? t("securityGroupsPage.remoteAny")),
  };
}

interface Props {
  group: SecurityGroup;
  groups: SecurityGroup[];
  onDelete: () => void;
  onRemoveRule: (r: SecurityGroupRule) => void;
}

export function GroupCard({ group, groups, onDelete, onRemoveRule }: Props) {
  const t = useT();
  const id = useId();
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return (
    <Card className="space-y-3 p-4" data-testid={`sg-${group.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate font-semibold" title={group.name}>
            {group.name}
          </h2>
          {group.description ? <p className="text-sm text-muted-foreground">{group.description}</p> : null}
        </div>
        <div className="flex flex-col items-end gap-1">
          <Button
            size="sm"
            variant="danger"
            disabled={group.isDefault}
            aria-describedby={group.isDefault ? `${id}-why` : undefined}
            onClick={onDelete}
          >
            {t("netforms.delete")}
          </Button>
          {group.isDefault ? (
            <p id={`${id}-why`} className="text-xs text-muted-foreground">
              {t("securityGroupsPage.defaultBlocked")}
            </p>
          ) : null}
        </div>
      </div>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${t("securityGroupsPage.rules")}: ${group.name}`}>
        <Table>
          <TableCaption>{`${t("securityGroupsPage.rules")}: ${group.name}`}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("securityGroupsPage.direction")}</TableHead>
              <TableHead>{t("securityGroupsPage.colEthertype")}</TableHead>
              <TableHead>{t("securityGroupsPage.protocol")}</TableHead>
              <TableHead>{t("securityGroupsPage.colPorts")}</TableHead>
              <TableHead>{t("securityGroupsPage.remote")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("securityGroupsPage.removeRule")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {!group.rules.length ? (
              <TableRow>
                <TableCell colSpan={6} className="text-muted-foreground">
                  {t("securityGroupsPage.noRules")}
                </TableCell>
              </TableRow>
            ) : (
              group.rules.map((r) => {
                const x = ruleText(t, r, names);
                return (
                  <TableRow key={r.id}>
                    <TableCell>{x.direction}</TableCell>
                    <TableCell>{r.ethertype}</TableCell>
                    <TableCell>{x.protocol}</TableCell>
                    <TableCell className="font-mono text-xs">{x.ports}</TableCell>
                    <TableCell className="font-mono text-xs">{x.remote}</TableCell>
                    <TableCell className="text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => onRemoveRule(r)}
                        aria-label={`${t("securityGroupsPage.removeRule")}: ${x.direction} ${x.protocol} ${x.ports}`}
                      >
                        {t("securityGroupsPage.removeRule")}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })
            )}
          </TableBody>
        </Table>
      </div>
      <RuleForm group={group} groups={groups} />
    </Card>
  );
}
