"use client";

import { useT } from "@/lib/i18n/client";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch, ThemeToggle } from "@/components/layout/preference-menus";
import { Icon } from "@/components/ui/icon";

export function LoginClient({ next, returning }: { next: string; returning: boolean }) {
  const t = useT();
  return (
    <div className="flex min-h-dvh flex-col bg-background">
      <header className="flex h-12 items-center justify-between px-4">
        <div className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <svg
              viewBox="0 0 32 32"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="3.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M9 10h14l-11 12h11" />
            </svg>
          </span>
          {t("app.name")}
          <span className="hidden text-xs font-normal text-muted-foreground sm:inline">{t("app.tagline")}</span>
        </div>
        <div className="flex items-center gap-1">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-[8vh]">
        <div className="w-full max-w-md space-y-4">
          <div className="space-y-1 text-center">
            <h1 className="text-2xl font-semibold tracking-tight">{t("login.title")}</h1>
            <p className="text-sm text-muted-foreground">{t("login.subtitle")}</p>
          </div>
          {returning ? (
            <p role="status" className="rounded-md border bg-info-soft/60 px-3 py-2 text-center text-xs text-muted-foreground">
              {t("login.sessionEnded", { path: next })}
            </p>
          ) : null}
          <LoginForm next={next} />
          <p className="flex items-start gap-2 px-1 text-xs text-muted-foreground">
            <Icon name="shield" className="mt-0.5 size-3.5 shrink-0" />
            {t("login.tokenNote")}
          </p>
        </div>
      </main>
    </div>
  );
}
