import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import { locales } from "./config";
import { createTranslator, messageKeys, type Messages } from "./translate";

const catalogs: Record<(typeof locales)[number], Messages> = { en, "zh-CN": zhCN };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const lookup = (messages: object, key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;

describe("i18n messages", () => {
  it("every locale has exactly the same keys as en", () => {
    const reference = messageKeys(en).sort();
    for (const locale of locales) expect(messageKeys(catalogs[locale]).sort(), locale).toEqual(reference);
  });

  it("no message is empty and placeholders agree across locales", () => {
    for (const key of messageKeys(en)) {
      const expected = placeholders(lookup(en, key));
      for (const locale of locales) {
        const text = lookup(catalogs[locale], key);
        expect(text.trim(), `${locale}:${key}`).not.toBe("");
        expect(placeholders(text), `${locale}:${key}`).toEqual(expected);
      }
    }
  });

  it("zh-CN is actually translated (not copied English) for user-facing sentences", () => {
    const t = createTranslator(zhCN);
    expect(t("login.invalidCredentials")).toBe("用户名或密码错误。");
    expect(t("nav.instances")).toBe("云主机");
  });

  it("the translator fills placeholders and falls back to the key", () => {
    const t = createTranslator(en);
    expect(t("system.summary", { up: 6, total: 7 })).toBe("6 of 7 reachable");
    expect(t("nav.overview")).toBe("Overview");
    expect(t("nav.nope" as never)).toBe("nav.nope");
  });
});
