"use client";

import { useLocale, useSetLocale, useT } from "@/lib/i18n/client";
import { localeNames, locales } from "@/lib/i18n/config";
import { useTheme } from "@/lib/theme/client";
import { themes, type Theme } from "@/lib/theme/config";
import type { MessageKey } from "@/lib/i18n/translate";
import { buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Icon, type IconName } from "@/components/ui/icon";

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={buttonVariants({ variant: "ghost", size: "md" })}
        aria-label={`${t("header.language")}: ${localeNames[locale]}`}
      >
        <Icon name="languages" />
        <span className="hidden text-xs sm:inline">{locale === "en" ? "EN" : "中文"}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-40">
        <DropdownMenuLabel>{t("header.language")}</DropdownMenuLabel>
        {locales.map((l) => (
          <DropdownMenuRadioItem key={l} checked={l === locale} onSelect={() => l !== locale && setLocale(l)} lang={l}>
            {localeNames[l]}
          </DropdownMenuRadioItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

const themeLabel: Record<Theme, MessageKey> = {
  light: "header.themeLight",
  dark: "header.themeDark",
  system: "header.themeSystem",
};
const themeIcon: Record<Theme, IconName> = { light: "sun", dark: "moon", system: "monitor" };

export function ThemeToggle() {
  const t = useT();
  const { theme, resolved, setTheme } = useTheme();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={buttonVariants({ variant: "ghost", size: "icon" })}
        aria-label={`${t("header.theme")}: ${t(themeLabel[theme])}`}
      >
        <Icon name={resolved === "dark" ? "moon" : "sun"} />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-40">
        <DropdownMenuLabel>{t("header.theme")}</DropdownMenuLabel>
        {themes.map((th) => (
          <DropdownMenuRadioItem key={th} checked={th === theme} onSelect={() => setTheme(th)}>
            <Icon name={themeIcon[th]} className="text-muted-foreground" />
            {t(themeLabel[th])}
          </DropdownMenuRadioItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
