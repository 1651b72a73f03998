"use client";

import { useT } from "@/lib/i18n/client";
import { useVolumes, volumeRowSource } from "@/lib/queries/volumes";
import { ResourceListPage } from "@/components/resources/resource-list-page";
import { labelOr } from "@/components/resources/status-label";
import { VolumeTable } from "@/components/volumes/volume-table";
import { CreateVolumeButton } from "@/components/volumes/create-volume-button";
import { volumeListSpec } from "./search-params";

export function VolumesClient() {
  const t = useT();
  return (
    <ResourceListPage
      ns="volumes"
      icon="volumes"
      spec={volumeListSpec}
      useList={useVolumes}
      liveRows={volumeRowSource}
      actions={<CreateVolumeButton />}
      filter={{ label: t("volumes.colStatus"), option: (s) => labelOr(t, `volumes.status.${s}`, s) }}
      table={(items, sort) => <VolumeTable items={items} {...sort} />}
    />
  );
}
