import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default async function DashboardNotFound() {
  const t = await getT();
  return (
    <Card>
      <EmptyState
        icon="inbox"
        title={t("errors.notFoundTitle")}
        description={t("errors.notFoundBody")}
        action={
          <Link href="/project" className={buttonVariants({ variant: "primary" })}>
            {t("errors.home")}
          </Link>
        }
      />
    </Card>
  );
}
