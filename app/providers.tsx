"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { getQueryClient } from "@/lib/api/query-client";
import type { Locale } from "@/lib/i18n/config";
import { I18nProvider } from "@/lib/i18n/client";
import type { Messages } from "@/lib/i18n/translate";
import { ThemeProvider } from "@/lib/theme/client";
import type { Theme } from "@/lib/theme/config";

interface ProvidersProps {
  locale: Locale;
  messages: Messages;
  theme: Theme;
  children: ReactNode;
}

export function Providers({ locale, messages, theme, children }: ProvidersProps) {
  // Not useState: getQueryClient() keeps one client per tab, and a suspending
  // first render must not throw a freshly made client away.
  const queryClient = getQueryClient();
  // Marks the document once React has hydrated, for tests and for CSS that needs JS.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider initialTheme={theme}>
        <I18nProvider locale={locale} messages={messages}>
          {children}
        </I18nProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
