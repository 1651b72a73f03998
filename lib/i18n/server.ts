import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./config";
import { createTranslator, loadMessages, type Translate } from "./translate";

/** The request's locale: the cookie if set, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function getMessages(locale?: Locale) {
  return loadMessages(locale ?? (await getLocale()));
}

/** Translator for server components: `const t = await getT(); t("nav.overview")`. */
export async function getT(): Promise<Translate> {
  return createTranslator(await getMessages());
}
