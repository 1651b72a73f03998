"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { localeNames } from "@/lib/i18n/config";
import { useTheme } from "@/lib/theme/client";
import { themeLabel } from "@/lib/theme/config";
import { buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuTrigger, DropdownMenuWhenOpen } from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { HeaderMenuItems } from "./header-menus-lazy";

/** The trigger's visible text; the accessible name contains it (WCAG 2.5.3). */
const localeShort: Record<keyof typeof localeNames, string> = { en: "EN", "zh-CN": "中文" };

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={buttonVariants({ variant: "ghost", size: "md" })}
        aria-label={`${t("header.language")}: ${localeNames[locale]} (${localeShort[locale]})`}
      >
        <Icon name="languages" />
        <span className="hidden text-xs sm:inline">{localeShort[locale]}</span>
      </DropdownMenuTrigger>
      <DropdownMenuWhenOpen>
        <HeaderMenuItems menu="language" />
      </DropdownMenuWhenOpen>
    </DropdownMenu>
  );
}

export function ThemeToggle() {
  const t = useT();
  const { theme, resolved } = useTheme();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={buttonVariants({ variant: "ghost", size: "icon" })}
        aria-label={`${t("header.theme")}: ${t(themeLabel[theme])}`}
      >
        <Icon name={resolved === "dark" ? "moon" : "sun"} />
      </DropdownMenuTrigger>
      <DropdownMenuWhenOpen>
        <HeaderMenuItems menu="theme" />
      </DropdownMenuWhenOpen>
    </DropdownMenu>
  );
}
