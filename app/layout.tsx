import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { themeBootScript } from "@/lib/theme/config";
import { getTheme } from "@/lib/theme/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Zenith", template: "%s · Zenith" },
  description: "OpenStack and Ceph dashboard",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8f9fb" },
    { media: "(prefers-color-scheme: dark)", color: "#15171c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, theme, h] = await Promise.all([getLocale(), getTheme(), headers()]);
  // The per-request nonce from proxy.ts: without it the Content-Security-Policy blocks this inline script.
  const nonce = h.get("x-nonce") ?? undefined;
  const messages = await getMessages(locale);
  return (
    <html lang={locale} data-theme={theme} className={theme === "dark" ? "dark" : undefined} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-dvh">
        <Providers locale={locale} messages={messages} theme={theme}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
