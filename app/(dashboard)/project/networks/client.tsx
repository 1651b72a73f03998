"use client";

import { useNetworks } from "@/lib/queries/networks";
import { NetworkTable } from "@/components/networks/network-table";
import { ResourceListPage } from "@/components/resources/resource-list-page";
import { networkListSpec } from "./search-params";

export function NetworksClient() {
  return (
    <ResourceListPage
      ns="networks"
      icon="networks"
      spec={networkListSpec}
      useList={useNetworks}
      table={(items, sort) => <NetworkTable items={items} {...sort} />}
    />
  );
}
