import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** A translated label for an upstream value, or the value itself when there is no translation. */
export function labelOr(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

export type Tone = "success" | "info" | "warning" | "danger" | "neutral";
