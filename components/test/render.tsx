import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { Session } from "@/lib/api/types";

/** Render inside the app's providers (i18n + a retry-free query client). */
export function renderWithProviders(ui: ReactElement, { locale = "en", ...options }: RenderOptions & { locale?: Locale } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale} messages={locale === "en" ? en : zhCN}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    user: { id: "u1", name: "admin", domain: { id: "default", name: "Default" } },
    project: { id: "p-admin", name: "admin", domain: { id: "default", name: "Default" } },
    roles: ["admin", "member", "reader"],
    isAdmin: true,
    region: "RegionOne",
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    projects: [
      { id: "p-admin", name: "admin", domainId: "default" },
      { id: "p-demo", name: "demo", domainId: "default" },
    ],
    authMethod: "password",
    ...overrides,
  };
}
