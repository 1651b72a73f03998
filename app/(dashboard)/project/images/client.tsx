"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useImages } from "@/lib/queries/images";
import { PageHeader } from "@/components/common/page-header";
import { ImageTable } from "@/components/images/image-table";
import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { ListToolbar } from "@/components/resources/list-toolbar";
import { ResourceListCard } from "@/components/resources/resource-list-card";
import { useListState } from "@/components/resources/use-list-state";
import { IMAGE_FORMATS, imageListSpec } from "./search-params";

export function ImagesClient() {
  const t = useT();
  const { state, query, update } = useListState(imageListSpec);
  const list = useImages(query);
  return (
    <>
      <PageHeader
        eyebrow={t("nav.project")}
        title={t("nav.images")}
        description={t("images.description")}
        actions={
          <Link href="/project/images/upload" className={buttonVariants({ variant: "primary" })}>
            <Icon name="plus" />
            {t("imageActions.upload")}
          </Link>
        }
      />
      <ResourceListCard
        label={t("images.title")}
        query={list}
        cursor={state.cursor}
        search={state.search}
        filtered={!!state.filter}
        onPage={(cursor) => update({ cursor })}
        onClear={() => update({ search: "", filter: undefined })}
        errorTitle={t("images.error")}
        empty={{ icon: "images", title: t("images.empty"), hint: t("images.emptyHint") }}
        toolbar={
          <ListToolbar
            search={state.search}
            onSearch={(search) => update({ search })}
            placeholder={t("images.searchPlaceholder")}
            filter={{
              label: t("images.colFormat"),
              value: state.filter,
              options: IMAGE_FORMATS.map((s) => ({ value: s, label: s })),
              onChange: (filter) => update({ filter: filter as typeof state.filter }),
            }}
          />
        }
        table={(items) => <ImageTable items={items} sort={state.sort} dir={state.dir} onSort={(sort, dir) => update({ sort, dir })} />}
      />
    </>
  );
}
