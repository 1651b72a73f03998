import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { buttonVariants } from "@/components/ui/button";

/** Unmatched URLs anywhere in the app. */
export default async function NotFound() {
  const t = await getT();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{t("errors.notFoundBody")}</p>
      <Link href="/project" className={buttonVariants({ variant: "primary", className: "mt-2" })}>
        {t("errors.home")}
      </Link>
    </main>
  );
}
