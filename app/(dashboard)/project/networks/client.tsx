"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { buttonVariants } from "@/components/ui/button";
import { useNetworks } from "@/lib/queries/networks";
import { PageHeader } from "@/components/common/page-header";
import { NetworkTable } from "@/components/networks/network-table";
import { ListToolbar } from "@/components/resources/list-toolbar";
import { ResourceListCard } from "@/components/resources/resource-list-card";
import { useListState } from "@/components/resources/use-list-state";
import { networkListSpec } from "./search-params";

export function NetworksClient() {
  const t = useT();
  const { state, query, update } = useListState(networkListSpec);
  const list = useNetworks(query);
  return (
    <>
      <PageHeader
        eyebrow={t("nav.project")}
        title={t("nav.networks")}
        description={t("networks.description")}
        actions={
          <Link href="/project/networks/create" className={buttonVariants({ variant: "primary" })}>
            {t("networkDetail.createButton")}
          </Link>
        }
      />
      <ResourceListCard
        label={t("networks.title")}
        query={list}
        cursor={state.cursor}
        search={state.search}
        filtered={false}
        onPage={(cursor) => update({ cursor })}
        onClear={() => update({ search: "" })}
        errorTitle={t("networks.error")}
        empty={{ icon: "networks", title: t("networks.empty"), hint: t("networks.emptyHint") }}
        toolbar={
          <ListToolbar search={state.search} onSearch={(search) => update({ search })} placeholder={t("networks.searchPlaceholder")} />
        }
        table={(items) => <NetworkTable items={items} sort={state.sort} dir={state.dir} onSort={(sort, dir) => update({ sort, dir })} />}
      />
    </>
  );
}
