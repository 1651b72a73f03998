"use client";

import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import type { Translate } from "@/lib/i18n/translate";

type Method = "password" | "appcred";

/** Turn a failed login into words: what went wrong and what to do about it. */
export function describeLoginError(error: unknown, method: Method, t: Translate): { title: string; hint?: string; requestId?: string } {
  if (!isApiError(error)) return { title: error instanceof Error ? error.message : String(error) };
  if (error.code === "network") return { title: t("login.network") };
  if (error.status === 401) {
    return method === "password"
      ? { title: t("login.invalidCredentials"), hint: t("login.invalidCredentialsHint") }
      : { title: t("login.invalidAppCred"), hint: t("login.invalidAppCredHint") };
  }
  if (error.status === 429) {
    const seconds = (error.details as { retryAfterS?: number } | undefined)?.retryAfterS ?? 60;
    return { title: t("login.tooManyAttempts", { seconds }), requestId: error.requestId };
  }
  if (error.status === 400) return { title: t("login.badRequest"), hint: error.message, requestId: error.requestId };
  // 502/504 and friends: the envelope's message already names the failing service.
  return { title: error.message, hint: t("login.upstreamHint"), requestId: error.requestId };
}

export function LoginError({ error, method }: { error: unknown; method: Method }) {
  const t = useT();
  const { title, hint, requestId } = describeLoginError(error, method, t);
  return (
    <div
      role="alert"
      data-testid="login-error"
      className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm outline-none"
    >
      <p className="font-medium text-danger">{title}</p>
      {hint ? <p className="mt-0.5 text-xs text-muted-foreground">{hint}</p> : null}
      {requestId ? (
        <p className="mt-1 text-xs text-muted-foreground">
          {t("common.requestId")}: <code className="select-all font-mono">{requestId}</code>
        </p>
      ) : null}
    </div>
  );
}
