"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useImages } from "@/lib/queries/images";
import { STOP_POLLING_AFTER_MS } from "@/lib/queries/image-poll";
import { ImageTable } from "@/components/images/image-table";
import { ResourceListPage } from "@/components/resources/resource-list-page";
import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { imageListSpec } from "./search-params";

export function ImagesClient() {
  const t = useT();
  return (
    <ResourceListPage
      ns="images"
      icon="images"
      spec={imageListSpec}
      useList={useImages}
      stopPollingAfterMs={STOP_POLLING_AFTER_MS}
      filter={{ label: t("images.colFormat"), option: (s) => s }}
      actions={
        <Link href="/project/images/upload" className={buttonVariants({ variant: "primary" })}>
          <Icon name="plus" />
          {t("imageActions.upload")}
        </Link>
      }
      table={(items, sort) => <ImageTable items={items} {...sort} />}
    />
  );
}
