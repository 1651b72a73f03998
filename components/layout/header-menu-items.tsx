"use client";

import type { ComponentProps } from "react";
import { useLocale, useSetLocale, useT } from "@/lib/i18n/client";
import { localeNames, locales } from "@/lib/i18n/config";
import type { Session } from "@/lib/api/types";
import { useTheme } from "@/lib/theme/client";
import { themeLabel, themes, type Theme } from "@/lib/theme/config";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
} from "@/components/ui/dropdown-menu-content";
import { Icon, type IconName } from "@/components/ui/icon";

/**
 * The header menus' items. The triggers render with the page; these load when a menu first opens, or on intent over
 * its trigger (header-menus-lazy.ts), so they stay out of every page's first load.
 */
/** The signed-in user, and sign out (the mutation stays with the trigger: selecting closes, and unmounts, this). */
export function UserMenuItems({ session, onSignOut, signingOut }: { session: Session; onSignOut: () => void; signingOut: boolean }) {
  const t = useT();
  return (
    <DropdownMenuContent className="w-60">
      <div role="presentation" className="space-y-0.5 px-2 py-1.5">
        <p className="truncate text-sm font-medium">{t("header.signedInAs", { name: session.user.name })}</p>
        <p className="truncate text-xs text-muted-foreground">{t("header.domain", { name: session.user.domain.name })}</p>
        {session.isAdmin ? (
          <Badge tone="info" className="mt-1">
            {t("overview.adminBadge")}
          </Badge>
        ) : null}
      </div>
      <DropdownMenuSeparator />
      <DropdownMenuLabel className="sr-only">{t("header.userMenu")}</DropdownMenuLabel>
      <DropdownMenuItem onSelect={onSignOut} disabled={signingOut}>
        <Icon name="logout" />
        {t("header.logout")}
      </DropdownMenuItem>
    </DropdownMenuContent>
  );
}

export function ProjectMenuItems({ session, locked, onPick }: { session: Session; locked: boolean; onPick: (projectId: string) => void }) {
  const t = useT();
  const projects = [...session.projects].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <DropdownMenuContent align="start" className="w-64">
      <DropdownMenuLabel>{t("header.projects")}</DropdownMenuLabel>
      {projects.map((p) => (
        <DropdownMenuRadioItem
          key={p.id}
          checked={p.id === session.project.id}
          disabled={locked && p.id !== session.project.id}
          onSelect={() => {
            if (p.id !== session.project.id) onPick(p.id);
          }}
        >
          <span className="truncate">{p.name}</span>
        </DropdownMenuRadioItem>
      ))}
      {locked ? <p className="px-2 py-1.5 text-xs text-muted-foreground">{t("header.rescopeNotAllowed")}</p> : null}
    </DropdownMenuContent>
  );
}

export function LanguageMenuItems() {
  const t = useT();
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <DropdownMenuContent className="w-40">
      <DropdownMenuLabel>{t("header.language")}</DropdownMenuLabel>
      {locales.map((l) => (
        <DropdownMenuRadioItem key={l} checked={l === locale} onSelect={() => l !== locale && setLocale(l)} lang={l}>
          {localeNames[l]}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenuContent>
  );
}

const themeIcon: Record<Theme, IconName> = { light: "sun", dark: "moon", system: "monitor" };

export function ThemeMenuItems() {
  const t = useT();
  const { theme, setTheme } = useTheme();
  return (
    <DropdownMenuContent className="w-40">
      <DropdownMenuLabel>{t("header.theme")}</DropdownMenuLabel>
      {themes.map((th) => (
        <DropdownMenuRadioItem key={th} checked={th === theme} onSelect={() => setTheme(th)}>
          <Icon name={themeIcon[th]} className="text-muted-foreground" />
          {t(themeLabel[th])}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenuContent>
  );
}

type HeaderMenuItemsProps =
  | ({ menu: "user" } & ComponentProps<typeof UserMenuItems>)
  | ({ menu: "project" } & ComponentProps<typeof ProjectMenuItems>)
  | { menu: "language" }
  | { menu: "theme" };

/** The items of the header menu named by `menu`: the one entry point header-menus-lazy.ts loads. */
export function HeaderMenuItems(p: HeaderMenuItemsProps) {
  switch (p.menu) {
    case "user":
      return <UserMenuItems session={p.session} onSignOut={p.onSignOut} signingOut={p.signingOut} />;
    case "project":
      return <ProjectMenuItems session={p.session} locked={p.locked} onPick={p.onPick} />;
    case "language":
      return <LanguageMenuItems />;
    case "theme":
      return <ThemeMenuItems />;
  }
}
