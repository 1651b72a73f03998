import Link from "next/link";
import { notBuiltMetadata } from "@/components/common/not-built-page";
import { PageHeader } from "@/components/common/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";

// The list is still a placeholder; the launch wizard (/project/instances/launch) is built.
export const generateMetadata = () => notBuiltMetadata("nav.instances");

export default async function InstancesPage() {
  const t = await getT();
  const launch = <Link href="/project/instances/launch" className={buttonVariants({ variant: "primary" })}>{t("boot.launchEntry")}</Link>;
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("nav.instances")} description={t("placeholder.instances")} actions={launch} />
      <Card>
        <EmptyState icon="construction" title={t("placeholder.title")} description={t("placeholder.body")} action={launch} />
      </Card>
    </>
  );
}
