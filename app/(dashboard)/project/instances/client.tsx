"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useInstances } from "@/lib/queries/instances";
import { PageHeader } from "@/components/common/page-header";
import { InstanceTable } from "@/components/instances/instance-table";
import { ListToolbar } from "@/components/resources/list-toolbar";
import { ResourceListCard } from "@/components/resources/resource-list-card";
import { labelOr } from "@/components/resources/status-label";
import { useListState } from "@/components/resources/use-list-state";
import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { INSTANCE_STATUSES, instanceListSpec } from "./search-params";

export function InstancesClient() {
  const t = useT();
  const { state, query, update } = useListState(instanceListSpec);
  const list = useInstances(query);
  const polling = list.data?.items.some((i) => i.transient);
  // The boot wizard's entry point (built in components/boot): keep it here.
  const launch = (
    <Link href="/project/instances/launch" className={buttonVariants({ variant: "primary" })}>
      <Icon name="plus" />
      {t("boot.launchEntry")}
    </Link>
  );
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("nav.instances")} description={t("instances.description")} actions={launch} />
      <ResourceListCard
        label={t("instances.title")}
        query={list}
        cursor={state.cursor}
        search={state.search}
        filtered={!!state.filter}
        onPage={(cursor) => update({ cursor })}
        onClear={() => update({ search: "", filter: undefined })}
        errorTitle={t("instances.error")}
        empty={{ icon: "instances", title: t("instances.empty"), hint: t("instances.emptyHint"), action: launch }}
        toolbar={
          <ListToolbar
            search={state.search}
            onSearch={(search) => update({ search })}
            placeholder={t("instances.searchPlaceholder")}
            filter={{
              label: t("instances.colStatus"),
              value: state.filter,
              options: INSTANCE_STATUSES.map((s) => ({ value: s, label: labelOr(t, `instances.status.${s}`, s) })),
              onChange: (filter) => update({ filter: filter as typeof state.filter }),
            }}
          >
            {polling ? (
              <span className="inline-flex items-center gap-1.5" role="status">
                <Spinner className="size-3" />
                {t("instances.polling")}
              </span>
            ) : null}
          </ListToolbar>
        }
        table={(items) => <InstanceTable items={items} sort={state.sort} dir={state.dir} onSort={(sort, dir) => update({ sort, dir })} />}
      />
    </>
  );
}
