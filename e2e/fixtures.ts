import { test as base, expect, type Browser, type Page, type TestInfo } from "@playwright/test";
import { LoginPage } from "./pages/LoginPage";
import { OverviewPage } from "./pages/OverviewPage";
import { SystemPage } from "./pages/SystemPage";
import { Cloud, seedFor, type Seed, type Target } from "./cloud";

export const users = {
  admin: { username: "admin", password: process.env.ZENITH_ADMIN_PASSWORD ?? "zenith-admin" },
  demo: { username: "demo", password: process.env.ZENITH_DEMO_PASSWORD ?? "zenith-demo" },
} as const;
export type DemoUser = keyof typeof users;

const simUrl = process.env.E2E_SIM_URL ?? `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 5155}`;

/** The embedded cloud's /_sim controls and its Keystone, for setup that should not go through the UI. */
export class Sim {
  readonly url = simUrl;
  constructor(private readonly target: Target = "sim") {}

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    if (this.target !== "sim") throw new Error("the /_sim controls exist only on the sim target: skip this test on real, naming why");
    const res = await fetch(`${simUrl}/_sim${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sim ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  reset(scenario = "default") {
    return this.control("POST", "/reset", { scenario });
  }
  /** Faults one service (by catalog type: compute, image, …); "slow" waits delayMs (default 2 s) per request. */
  fault(service: string, mode: "down" | "500" | "503" | "hang" | "slow", count?: number, delayMs?: number) {
    return this.control("POST", "/fault", { service, mode, count, delayMs });
  }
  clearFaults() {
    return this.control("DELETE", "/fault");
  }
  /** `count` RBD clones of a Glance image (by name) named <prefix>-0000… in `pool`: a large lineage tree. */
  rbdClones(image: string, pool: "volumes" | "vms", prefix: string, count: number) {
    return this.control("POST", "/rbd-clones", { image, pool, prefix, count });
  }
  /** Takes a Nova cell down (its servers answer UNKNOWN) or brings it back. */
  novaCell(cell: string, down: boolean) {
    return this.control("POST", "/nova-cells", { cell, down });
  }
}

/** A signed-in page of its own for setup in beforeAll (booting through the BFF, as a user would). */
export async function signedInPage(browser: Browser, info: TestInfo, user: DemoUser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const page = await context.newPage();
  const res = await page.request.post("/api/auth/login", { headers: { "X-Zenith-Request": "1" }, data: users[user] });
  expect(res.status(), await res.text()).toBe(200);
  return { page, close: () => context.close() };
}

/** Page objects for the app, plus API-level sign-in for tests that are not about the login form. */
export class App {
  readonly login: LoginPage;
  readonly overview: OverviewPage;
  readonly system: SystemPage;

  constructor(readonly page: Page) {
    this.login = new LoginPage(page);
    this.overview = new OverviewPage(page);
    this.system = new SystemPage(page);
  }

  /** Sign in through the BFF (same cookie jar as the page), skipping the form. */
  async signInViaApi(user: DemoUser, project?: string): Promise<void> {
    const res = await this.page.request.post("/api/auth/login", {
      headers: { "X-Zenith-Request": "1" },
      data: { ...users[user], ...(project ? { project } : {}) },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  /** Locale and theme cookies, as the switchers would set them. */
  async setPreferences(prefs: { locale?: "en" | "zh-CN"; theme?: "light" | "dark" | "system" }): Promise<void> {
    const base = test.info().project.use.baseURL ?? "http://127.0.0.1:3100";
    const cookies: { name: string; value: string; url: string }[] = [];
    if (prefs.locale) cookies.push({ name: "zenith-locale", value: prefs.locale, url: base });
    if (prefs.theme) cookies.push({ name: "zenith-theme", value: prefs.theme, url: base });
    await this.page.context().addCookies(cookies);
  }
}

export const test = base.extend<{ app: App }, { target: Target; sim: Sim; freshCloud: void; seed: Seed; cloud: Cloud }>({
  target: [async ({}, use, workerInfo) => use(workerInfo.project.name === "real" ? "real" : "sim"), { scope: "worker" }],
  /** The sim's controls; a spec that needs them skips on real first, naming the real difference. */
  sim: [async ({ target }, use) => use(new Sim(target)), { scope: "worker" }],
  /** Each worker starts from the seeded scenario on the sim. The real tier is shared: specs clean up after themselves. */
  freshCloud: [
    async ({ target }, use) => {
      if (target === "sim") await new Sim().reset();
      await use();
    },
    { scope: "worker", auto: true },
  ],
  seed: [async ({ target }, use) => use(seedFor(target)), { scope: "worker" }],
  cloud: [async ({ target }, use) => use(new Cloud(target)), { scope: "worker" }],
  app: async ({ page, target }, use) => {
    if (target === "sim") await new Sim().clearFaults();
    await use(new App(page));
  },
});

export { expect };
export type { Seed, Target };
