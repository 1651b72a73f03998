import { defineConfig, devices } from "@playwright/test";

/**
 * One Playwright project per target, each with its own `next start` (scripts/e2e-server.sh):
 * - sim: a fresh embedded cloud with test controls on :5155, the app on :3100;
 * - real: the real tier (scripts/real-cloud, already up), the app on :3200.
 * E2E_TARGETS picks which run (default: sim); `npm test` runs sim, then real once the real tier is up.
 */
const targets = (process.env.E2E_TARGETS ?? "sim")
  .split(",")
  .map((t) => t.trim())
  .filter(Boolean);
for (const t of targets) if (t !== "sim" && t !== "real") throw new Error(`E2E_TARGETS: unknown target ${t} (sim, real)`);
const port = { sim: Number(process.env.E2E_PORT ?? 3100), real: Number(process.env.E2E_REAL_PORT ?? 3200) };
const baseURL = (t: string) => `http://127.0.0.1:${port[t as "sim" | "real"]}`;

export default defineConfig({
  testDir: "./e2e",
  // Per target: `npm test` runs the sim and real e2e side by side, and Playwright empties its outputDir at start.
  outputDir: `./test-results/artifacts-${targets.join("-")}`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: `playwright-report-${targets.join("-")}` }]] : "list",
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium" },
  },
  projects: targets.map((name) => ({ name, use: { baseURL: baseURL(name) } })),
  webServer: targets.map((t) => ({
    command: `bash scripts/e2e-server.sh ${t}`,
    url: `${baseURL(t)}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // SIGTERM first, so the server script's trap stops what it started outside its process group (the rollouts
    // lab's nginx and haproxy daemonize); a SIGKILL would leave them running.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  })),
});
