"use client";

import { useT } from "@/lib/i18n/client";
import { useVolumes } from "@/lib/queries/volumes";
import { PageHeader } from "@/components/common/page-header";
import { VolumeTable } from "@/components/volumes/volume-table";
import { ListToolbar } from "@/components/resources/list-toolbar";
import { ResourceListCard } from "@/components/resources/resource-list-card";
import { labelOr } from "@/components/resources/status-label";
import { useListState } from "@/components/resources/use-list-state";
import { VOLUME_STATUSES, volumeListSpec } from "./search-params";

export function VolumesClient() {
  const t = useT();
  const { state, query, update } = useListState(volumeListSpec);
  const list = useVolumes(query);
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("nav.volumes")} description={t("volumes.description")} />
      <ResourceListCard
        label={t("volumes.title")}
        query={list}
        cursor={state.cursor}
        search={state.search}
        filtered={!!state.filter}
        onPage={(cursor) => update({ cursor })}
        onClear={() => update({ search: "", filter: undefined })}
        errorTitle={t("volumes.error")}
        empty={{ icon: "volumes", title: t("volumes.empty"), hint: t("volumes.emptyHint") }}
        toolbar={
          <ListToolbar
            search={state.search}
            onSearch={(search) => update({ search })}
            placeholder={t("volumes.searchPlaceholder")}
            filter={{
              label: t("volumes.colStatus"),
              value: state.filter,
              options: VOLUME_STATUSES.map((s) => ({ value: s, label: labelOr(t, `volumes.status.${s}`, s) })),
              onChange: (filter) => update({ filter: filter as typeof state.filter }),
            }}
          />
        }
        table={(items) => <VolumeTable items={items} sort={state.sort} dir={state.dir} onSort={(sort, dir) => update({ sort, dir })} />}
      />
    </>
  );
}
