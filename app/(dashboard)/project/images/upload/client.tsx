"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { PageHeader } from "@/components/common/page-header";
import { UploadForm } from "@/components/images/upload-form";
import { Card } from "@/components/ui/card";
import { CardContent } from "@/components/ui/card-sections";
import { Icon } from "@/components/ui/icon";

export function UploadClient() {
  const t = useT();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/project/images" className="inline-flex items-center gap-1 hover:text-foreground">
            <Icon name="arrowLeft" className="size-3" />
            {t("imageActions.back")}
          </Link>
        }
        title={t("imageActions.uploadTitle")}
        description={t("imageActions.uploadDescription")}
      />
      <Card>
        <CardContent>
          <UploadForm />
        </CardContent>
      </Card>
    </>
  );
}
