"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n/client";
import { isNavItemActive, type NavSection, visibleNavSections } from "@/lib/nav";
import { useSidebarStore } from "@/lib/stores/sidebar-store";
import type { Session } from "@/lib/api/types";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { NavIcon } from "./nav-icon";

function Brand() {
  const t = useT();
  return (
    <Link href="/project" className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 font-semibold">
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
      <span className="flex min-w-0 flex-col leading-tight">
        <span>{t("app.name")}</span>
        <span className="truncate text-[11px] font-normal text-muted-foreground">{t("app.taglineShort")}</span>
      </span>
    </Link>
  );
}

export function SidebarNav({ session, nav, onNavigate }: { session: Session; nav: readonly NavSection[]; onNavigate?: () => void }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.label")} className="flex flex-col gap-5 px-2 py-3">
      {visibleNavSections(nav, session).map((section) => (
        <div key={section.id} role="group" aria-labelledby={`nav-section-${section.id}`}>
          <h2
            id={`nav-section-${section.id}`}
            className="mb-1 px-2 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground"
          >
            {t(section.label)}
          </h2>
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => {
              const active = isNavItemActive(item, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    onClick={onNavigate}
                    className={cn(
                      "flex h-8 items-center gap-2.5 rounded-md px-2 text-sm transition-colors",
                      active
                        ? "bg-accent font-medium text-accent-foreground"
                        : "text-muted-foreground hover:bg-muted hover:text-foreground",
                    )}
                  >
                    <NavIcon name={item.icon} className="size-4 shrink-0" />
                    {t(item.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** Fixed sidebar on wide screens; a modal drawer (Escape closes) on narrow ones. */
export function AppSidebar({ session, nav }: { session: Session; nav: readonly NavSection[] }) {
  const t = useT();
  const { mobileOpen, setMobileOpen } = useSidebarStore();
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger: a navigation closes the drawer
  useEffect(() => setMobileOpen(false), [pathname, setMobileOpen]);
  useEffect(() => {
    if (!mobileOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setMobileOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [mobileOpen, setMobileOpen]);

  return (
    <>
      <aside className="sticky top-0 hidden h-dvh w-56 shrink-0 flex-col overflow-y-auto border-r bg-surface lg:flex">
        <div className="flex h-12 shrink-0 items-center border-b px-2">
          <Brand />
        </div>
        <SidebarNav session={session} nav={nav} />
      </aside>
      {mobileOpen ? (
        <div className="fixed inset-0 z-40 lg:hidden" role="dialog" aria-modal="true" aria-label={t("nav.label")}>
          <div className="absolute inset-0 bg-black/40" aria-hidden onClick={() => setMobileOpen(false)} />
          <aside className="absolute inset-y-0 left-0 flex w-64 flex-col overflow-y-auto border-r bg-surface shadow-xl">
            <div className="flex h-12 shrink-0 items-center justify-between border-b px-2">
              <Brand />
              <Button variant="ghost" size="icon" aria-label={t("nav.close")} onClick={() => setMobileOpen(false)} autoFocus>
                <Icon name="x" />
              </Button>
            </div>
            <SidebarNav session={session} nav={nav} onNavigate={() => setMobileOpen(false)} />
          </aside>
        </div>
      ) : null}
    </>
  );
}
