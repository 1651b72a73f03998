import { chromium, type Browser } from "@playwright/test";

/** Debian's Chromium (E2E_CHROMIUM overrides) as every bench drives it: headless, nothing in the background. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
