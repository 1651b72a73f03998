import { test as base, expect, type Page } from "@playwright/test";
import { LoginPage } from "./pages/LoginPage";
import { OverviewPage } from "./pages/OverviewPage";
import { PlaceholderPage } from "./pages/PlaceholderPage";
import { SystemPage } from "./pages/SystemPage";

export const users = {
  admin: { username: "admin", password: process.env.ZENITH_ADMIN_PASSWORD ?? "zenith-admin" },
  demo: { username: "demo", password: process.env.ZENITH_DEMO_PASSWORD ?? "zenith-demo" },
} as const;
export type DemoUser = keyof typeof users;

const simUrl = process.env.E2E_SIM_URL ?? "http://127.0.0.1:5155";

/** The embedded cloud's /_sim controls and its Keystone, for setup that should not go through the UI. */
export class Sim {
  readonly url = simUrl;
  readonly keystone = `${simUrl}/identity/v3`;

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
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
  fault(service: string, mode: "500" | "503" | "hang" | "slow", count?: number) {
    return this.control("POST", "/fault", { service, mode, count });
  }
  clearFaults() {
    return this.control("DELETE", "/fault");
  }

  /** A real Keystone token straight from the sim: a positive control for the token detector. */
  async issueToken(user: DemoUser): Promise<string> {
    const { username, password } = users[user];
    const res = await fetch(`${this.keystone}/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        auth: { identity: { methods: ["password"], password: { user: { name: username, domain: { id: "default" }, password } } } },
      }),
    });
    const token = res.headers.get("x-subject-token");
    if (res.status !== 201 || !token) throw new Error(`sim Keystone login failed: ${res.status}`);
    return token;
  }
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

  placeholder(path: string) {
    return new PlaceholderPage(this.page, path);
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

export const test = base.extend<{ app: App }, { sim: Sim }>({
  sim: [
    async ({}, use) => {
      const sim = new Sim();
      await sim.reset();
      await use(sim);
    },
    { scope: "worker" },
  ],
  app: async ({ page, sim }, use) => {
    await sim.clearFaults();
    await use(new App(page));
  },
});

export { expect };
