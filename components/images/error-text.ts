"use client";

import { isApiError } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

const CODES = new Set(["image_in_use", "image_protected", "conversion_unavailable", "conversion_refused"]);

/**
 * The image routes' own refusals in the user's language (code + details from the BFF); any other error stays as the
 * envelope's message, which names the upstream service. Keeps the request ids for QueryError.
 */
export function useErrorText() {
  const t = useT();
  return (e: unknown): unknown => {
    if (!isApiError(e) || !CODES.has(e.code)) return e;
    const details = (e.details ?? {}) as Record<string, string | number>;
    return Object.assign(Object.create(Object.getPrototypeOf(e)), e, {
      message: t(`imageActions.errorCodes.${e.code}` as MessageKey, details),
    });
  };
}
