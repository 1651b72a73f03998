"use client";

import { useT } from "@/lib/i18n/client";
import { PageHeader } from "@/components/common/page-header";
import { LaunchWizard } from "@/components/boot/launch-wizard";

export function LaunchClient() {
  const t = useT();
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("boot.title")} description={t("boot.description")} />
      <LaunchWizard />
    </>
  );
}
