import type { Page } from "@playwright/test";

/** What a view's run hands back: when it began (performance.now() in its document) and whose first byte is its TTFB. */
export interface ViewStart {
  t0: number;
  /** A response (by URL part) to take the TTFB from, when the view is not a document navigation. */
  ttfbUrl?: string;
}

export type Mode = "cold" | "warm";

export interface Credentials {
  username: string;
  password: string;
}

/**
 * One measured view. `prepare` runs outside the measurement (a fresh sign-in for a cold run, clearing the
 * wizard's draft, filling the login form); `run` is what the user waits for, and resolves once `marker`
 * (a CSS selector for the view's data) is in the DOM.
 */
export interface View {
  name: string;
  marker: string;
  /** How long to wait for `marker` (MARKER_TIMEOUT unless a view gathers much more, e.g. at scale). */
  timeoutMs?: number;
  prepare(page: Page, mode: Mode, who: Credentials): Promise<void>;
  run(page: Page, mode: Mode, seed: Seed): Promise<ViewStart>;
}

/** What the launch view picks on each target. */
export interface Seed {
  rawImage: string;
}

const MARKER_TIMEOUT = 30_000;

/** Signs in through the BFF's API (not measured): a new token, so the BFF's token cache is cold for it. */
export async function signInViaApi(page: Page, who: Credentials): Promise<void> {
  const res = await page.request.post("/api/auth/login", { headers: { "X-Zenith-Request": "1" }, data: who });
  if (res.status() !== 200) throw new Error(`sign-in as ${who.username}: ${res.status()} ${await res.text()}`);
}

async function navigate(page: Page, mode: Mode, path: string, marker: string, timeout = MARKER_TIMEOUT): Promise<ViewStart> {
  if (mode === "cold") await page.goto(path, { waitUntil: "commit", timeout });
  else await page.reload({ waitUntil: "commit", timeout });
  await page.waitForSelector(marker, { state: "attached", timeout });
  return { t0: 0 };
}

/** A page whose data is a list or table: cold = first load after a fresh sign-in, warm = reload. */
export function listView(name: string, path: string, marker: string, timeoutMs?: number): View {
  return {
    name,
    marker,
    timeoutMs,
    prepare: async (page, mode, who) => {
      if (mode === "cold") await signInViaApi(page, who);
    },
    run: (page, mode) => navigate(page, mode, path, marker, timeoutMs),
  };
}

/** The first rows of the views issue 16 compares at scale: each list's first row (or its empty state). */
export const MARKERS = {
  instances: '[data-testid^="instance-row-"], [data-slot="empty-state"]',
  dhcp: "tr[data-network]",
  lineage: "li[data-root]",
};

/** The sign-in form to the overview's service catalog: cold in a new browser context, warm signing in again in the same one. */
const signIn: View = {
  name: "sign in",
  marker: "main table tbody tr",
  async prepare(page, _mode, who) {
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel(/^(Username|用户名)$/).fill(who.username);
    await page
      .getByLabel(/^(Password|密码)$/)
      .and(page.locator("input"))
      .fill(who.password);
  },
  async run(page) {
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
    await page.waitForSelector(this.marker, { state: "attached", timeout: MARKER_TIMEOUT });
    return { t0, ttfbUrl: "/api/auth/login" };
  },
};

/** The launch wizard from its first byte to the first plan for the raw image with "Create new volume" on. */
const launch: View = {
  name: "launch to first plan",
  marker: '[data-testid="plan-path"][data-path="rbd-clone-volume"]',
  async prepare(page, mode, who) {
    if (mode === "cold") await signInViaApi(page, who);
    else await page.evaluate(() => sessionStorage.removeItem("zenith.boot-wizard"));
  },
  async run(page, mode, seed) {
    if (mode === "cold") await page.goto("/project/instances/launch", { waitUntil: "commit" });
    else await page.reload({ waitUntil: "commit" });
    await page.getByRole("radio", { name: seed.rawImage, exact: true }).check({ timeout: MARKER_TIMEOUT });
    await page.getByTestId("create-volume-toggle").getByRole("radio").nth(0).check({ force: true });
    await page.waitForSelector(this.marker, { state: "attached", timeout: MARKER_TIMEOUT });
    return { t0: 0 };
  },
};

/** The views `npm run bench:ui` measures, in order. */
export const VIEWS: View[] = [
  signIn,
  listView("instances", "/project/instances", MARKERS.instances),
  listView("images", "/project/images", '[data-testid^="image-row-"]'),
  listView("DHCP HA (admin)", "/admin/dhcp", MARKERS.dhcp),
  launch,
];
