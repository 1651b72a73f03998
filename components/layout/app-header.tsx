"use client";

import { useT } from "@/lib/i18n/client";
import type { Session } from "@/lib/api/types";
import { useSidebarStore } from "@/lib/stores/sidebar-store";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { LanguageSwitch, ThemeToggle } from "./preference-menus";
import { ProjectSwitcher } from "./project-switcher";
import { preloadHeaderMenus } from "./header-menus-lazy";
import { UserMenu } from "./user-menu";

export function AppHeader({ session }: { session: Session }) {
  const t = useT();
  const setMobileOpen = useSidebarStore((s) => s.setMobileOpen);
  return (
    // Pointer over, or focus in, the header is intent enough to fetch its menus' items.
    <header
      onPointerOver={preloadHeaderMenus}
      onFocusCapture={preloadHeaderMenus}
      className="sticky top-0 z-30 flex h-12 items-center gap-2 border-b bg-surface/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-surface/80 lg:px-4"
    >
      <Button variant="ghost" size="icon" className="lg:hidden" aria-label={t("nav.open")} onClick={() => setMobileOpen(true)}>
        <Icon name="menu" />
      </Button>
      <ProjectSwitcher session={session} />
      {/* A wrapper hides it on phones: on the badge itself, `hidden` lost to the badge's own inline-flex. */}
      <span className="hidden shrink-0 sm:inline-flex">
        <Badge tone="neutral" className="gap-1.5" title={t("header.region")}>
          <Icon name="globe" className="size-3" />
          <span className="sr-only">{t("header.region")}:</span>
          <span data-testid="current-region">{session.region}</span>
        </Badge>
      </span>
      <div className="flex-1" />
      <LanguageSwitch />
      <ThemeToggle />
      <div aria-hidden className="mx-1 h-5 w-px bg-border" />
      <UserMenu session={session} />
    </header>
  );
}
