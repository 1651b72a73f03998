/** Locales the UI ships, as a const tuple; the first is the default. */
export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Cookie that carries the chosen locale, so server components render in it. */
export const LOCALE_COOKIE = "zenith-locale";

/** Each locale's name in its own language, for the switcher. */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Pick a supported locale from an Accept-Language header (`zh`, `zh-Hans`, `zh-CN` → zh-CN). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0].trim().toLowerCase();
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}
