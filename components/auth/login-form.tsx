"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import type { LoginBody } from "@/lib/api/types";
import { useLogin } from "@/lib/queries/auth";
import { useHydrated } from "@/lib/use-hydrated";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Field } from "./field";
import { LoginError } from "./login-error";

type Method = "password" | "appcred";
type Values = Record<"username" | "password" | "userDomain" | "project" | "appCredId" | "appCredSecret", string>;
const empty: Values = { username: "", password: "", userDomain: "", project: "", appCredId: "", appCredSecret: "" };

function toBody(method: Method, v: Values): LoginBody {
  if (method === "appcred") {
    return { applicationCredentialId: v.appCredId.trim(), applicationCredentialSecret: v.appCredSecret };
  }
  return {
    username: v.username.trim(),
    password: v.password,
    ...(v.userDomain.trim() ? { userDomain: v.userDomain.trim() } : {}),
    ...(v.project.trim() ? { project: v.project.trim() } : {}),
  };
}

/** Username/password (with domain and project under "More options") or an application credential. */
export function LoginForm({ next }: { next: string }) {
  const t = useT();
  const router = useRouter();
  const login = useLogin();
  const [method, setMethod] = useState<Method>("password");
  const [values, setValues] = useState<Values>(empty);
  const [more, setMore] = useState(false);
  const [missing, setMissing] = useState<Set<keyof Values>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  // Until React has hydrated, a submit would be a native GET with the password in the URL: keep it inert.
  const hydrated = useHydrated();

  useEffect(() => {
    if (hydrated) formRef.current?.querySelector<HTMLInputElement>("#username")?.focus();
  }, [hydrated]);

  // After a failure the secret is cleared; put the cursor back in it (the alert is announced by role="alert").
  // biome-ignore lint/correctness/useExhaustiveDependencies: submittedAt re-runs it on every failed attempt, not only the first
  useEffect(() => {
    if (!login.isError) return;
    const id = method === "password" ? "password" : "appCredSecret";
    formRef.current?.querySelector<HTMLInputElement>(`#${id}`)?.focus();
  }, [login.isError, login.submittedAt, method]);

  const set = (key: keyof Values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    if (missing.has(key)) setMissing((m) => new Set([...m].filter((k) => k !== key)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const required: (keyof Values)[] = method === "password" ? ["username", "password"] : ["appCredId", "appCredSecret"];
    const blank = required.filter((k) => !values[k].trim());
    setMissing(new Set(blank));
    if (blank.length) {
      formRef.current?.querySelector<HTMLInputElement>(`#${blank[0]}`)?.focus();
      return;
    }
    login.mutate(toBody(method, values), {
      onSuccess: () => router.replace(next),
      onError: () => setValues((v) => ({ ...v, password: "", appCredSecret: "" })),
    });
  };

  const req = (key: keyof Values) => (missing.has(key) ? t("login.required") : undefined);
  const busy = login.isPending || login.isSuccess;

  return (
    <Card className="p-5">
      <form ref={formRef} onSubmit={onSubmit} method="post" noValidate aria-busy={busy}>
        <fieldset disabled={!hydrated} className="min-w-0 space-y-4">
          <Tabs
            value={method}
            onValueChange={(m) => {
              setMethod(m as Method);
              setMissing(new Set());
              login.reset();
            }}
          >
            <TabsList aria-label={t("login.methods")}>
              <TabsTrigger value="password">
                <Icon name="user" />
                {t("login.tabPassword")}
              </TabsTrigger>
              <TabsTrigger value="appcred">
                <Icon name="key" />
                {t("login.tabAppCred")}
              </TabsTrigger>
            </TabsList>

            <TabsContent value="password" className="mt-4 space-y-3">
              <Field
                id="username"
                label={t("login.username")}
                autoComplete="username"
                value={values.username}
                onChange={set("username")}
                error={req("username")}
                disabled={busy}
              />
              <Field
                id="password"
                type="password"
                label={t("login.password")}
                autoComplete="current-password"
                value={values.password}
                onChange={set("password")}
                error={req("password")}
                disabled={busy}
              />
              <div>
                <button
                  type="button"
                  aria-expanded={more}
                  aria-controls="login-more-options"
                  onClick={() => setMore((m) => !m)}
                  className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-muted-foreground hover:text-foreground"
                >
                  <Icon
                    name="chevronDown"
                    className={more ? "size-3.5 rotate-180 transition-transform" : "size-3.5 transition-transform"}
                  />
                  {t("login.moreOptions")}
                </button>
                <div id="login-more-options" hidden={!more} className="mt-3 space-y-3">
                  <Field
                    id="userDomain"
                    label={t("login.userDomain")}
                    hint={t("login.userDomainHint")}
                    placeholder="Default"
                    value={values.userDomain}
                    onChange={set("userDomain")}
                    disabled={busy}
                  />
                  <Field
                    id="project"
                    label={t("login.project")}
                    hint={t("login.projectHint")}
                    value={values.project}
                    onChange={set("project")}
                    disabled={busy}
                  />
                </div>
              </div>
            </TabsContent>

            <TabsContent value="appcred" className="mt-4 space-y-3">
              <Field
                id="appCredId"
                label={t("login.appCredId")}
                autoComplete="username"
                spellCheck={false}
                className="font-mono"
                value={values.appCredId}
                onChange={set("appCredId")}
                error={req("appCredId")}
                disabled={busy}
              />
              <Field
                id="appCredSecret"
                type="password"
                label={t("login.appCredSecret")}
                autoComplete="current-password"
                hint={t("login.appCredHint")}
                value={values.appCredSecret}
                onChange={set("appCredSecret")}
                error={req("appCredSecret")}
                disabled={busy}
              />
            </TabsContent>
          </Tabs>

          {login.isError ? <LoginError error={login.error} method={method} /> : null}

          <Button type="submit" variant="primary" size="lg" className="w-full" disabled={busy}>
            {busy ? <Spinner /> : null}
            {busy ? t("login.submitting") : t("login.submit")}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
