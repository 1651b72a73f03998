"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { localeNames } from "@/lib/i18n/config";
import { useTheme } from "@/lib/theme/client";
import { themeLabel } from "@/lib/theme/config";
import { buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuTrigger, DropdownMenuWhenOpen } from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { HeaderMenuItems } from "./header-menus-lazy";

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  // The visible text, which the accessible name contains (WCAG 2.5.3).
  const short = locale === "en" ? "EN" : "中文";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={buttonVariants({ variant: "ghost", size: "md" })}
        aria-label={`${t("header.language")}: ${localeNames[locale]} (${short})`}
      >
        <Icon name="languages" />
        <span className="hidden text-xs sm:inline">{short}</span>
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
