import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";

interface NotBuiltProps {
  section: "nav.project" | "nav.admin";
  title: MessageKey;
  description: MessageKey;
}

/** An honest placeholder for a page that another piece of work will fill in. */
export async function NotBuiltPage({ section, title, description }: NotBuiltProps) {
  const t = await getT();
  return (
    <>
      <PageHeader eyebrow={t(section)} title={t(title)} description={t(description)} />
      <Card>
        <EmptyState icon="construction" title={t("placeholder.title")} description={t("placeholder.body")} />
      </Card>
    </>
  );
}

export async function notBuiltMetadata(title: MessageKey): Promise<Metadata> {
  const t = await getT();
  return { title: t(title) };
}
