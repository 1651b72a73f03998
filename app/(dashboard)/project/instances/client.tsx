"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { instanceRowSource, useInstances } from "@/lib/queries/instances";
import { InstanceTable } from "@/components/instances/instance-table";
import { ResourceListPage } from "@/components/resources/resource-list-page";
import { instanceStatusLabel } from "@/components/instances/instance-status-badge";
import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { instanceListSpec } from "./search-params";

export function InstancesClient() {
  const t = useT();
  return (
    <ResourceListPage
      ns="instances"
      icon="instances"
      spec={instanceListSpec}
      useList={useInstances}
      liveRows={instanceRowSource}
      pollingNote={t("instances.polling")}
      // The boot wizard's entry point (built in components/boot): keep it here.
      actions={
        <Link href="/project/instances/launch" className={buttonVariants({ variant: "primary" })}>
          <Icon name="plus" />
          {t("boot.launchEntry")}
        </Link>
      }
      filter={{ label: t("instances.colStatus"), option: (s) => instanceStatusLabel(t, s) }}
      table={(items, sort) => <InstanceTable items={items} {...sort} />}
    />
  );
}
