import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./config";
import { createTranslator, type Messages, type Translate } from "./translate";

/** The request's locale: the cookie if set, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/**
 * The locale's messages, on the server only: the root layout hands them to the client provider, so the browser gets
 * the one dictionary it renders in the page's payload and never bundles either as code.
 */
export async function getMessages(locale?: Locale): Promise<Messages> {
  const mod = (locale ?? (await getLocale())) === "zh-CN" ? await import("./messages/zh-CN.json") : await import("./messages/en.json");
  return mod.default as Messages;
}

/** Translator for server components: `const t = await getT(); t("nav.overview")`. */
export async function getT(): Promise<Translate> {
  return createTranslator(await getMessages());
}
