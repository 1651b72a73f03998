import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";

type Issue = {
  code: string;
  path: PropertyKey[];
  params?: { code?: string; canonical?: string };
  maximum?: number | bigint;
  minimum?: number | bigint;
};

/**
 * A shared schema's issues as message keys per field (dotted path), in the user's language: a domain rule carries its
 * code in `params.code` (netforms.errors.<code>); zod's own issues map to required / too long / invalid.
 */
export function fieldErrors(issues: readonly Issue[] | undefined): Record<string, { key: MessageKey; vars?: TranslateVars }> {
  const out: Record<string, { key: MessageKey; vars?: TranslateVars }> = {};
  for (const i of issues ?? []) {
    const field = i.path.map(String).join(".");
    if (out[field]) continue;
    const code = i.params?.code;
    if (code) out[field] = { key: `netforms.errors.${code}` as MessageKey, vars: { canonical: i.params?.canonical ?? "" } };
    else if (i.code === "too_small" && Number(i.minimum) === 1) out[field] = { key: "netforms.errors.required" };
    else if (i.code === "too_big") out[field] = { key: "netforms.errors.tooLong", vars: { max: Number(i.maximum) } };
    else out[field] = { key: "netforms.errors.invalid" };
  }
  return out;
}
