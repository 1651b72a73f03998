"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button";
import { useNetworks } from "@/lib/queries/networks";
import { NetworkTable } from "@/components/networks/network-table";
import { ResourceListPage } from "@/components/resources/resource-list-page";
import { networkListSpec } from "./search-params";

export function NetworksClient() {
  const t = useT();
  return (
    <ResourceListPage
      ns="networks"
      icon="networks"
      spec={networkListSpec}
      useList={useNetworks}
      actions={
        <Link href="/project/networks/create" className={buttonVariants({ variant: "primary" })}>
          {t("networkDetail.createButton")}
        </Link>
      }
      table={(items, sort) => <NetworkTable items={items} {...sort} />}
    />
  );
}
