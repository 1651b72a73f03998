import { expect, users, type App, type DemoUser } from "../fixtures";
import { literal } from "../literal";

/** Sign in through the login form and wait for the dashboard (or the `next` page) to render. */
export async function signInThroughForm(app: App, user: DemoUser, expectPath: string | RegExp = "/project"): Promise<void> {
  const { username, password } = users[user];
  if (!app.page.url().includes("/login")) await app.login.goto();
  await app.login.login(username, password);
  await expect(app.page).toHaveURL(typeof expectPath === "string" ? new RegExp(`${literal(expectPath)}$`) : expectPath);
  await expect(app.overview.userMenu).toContainText(username);
}

/** Sign out through the user menu and land on the login form. */
export async function signOut(app: App): Promise<void> {
  await app.overview.logout();
  await expect(app.page).toHaveURL(/\/login$/);
  await expect(app.login.submit).toBeVisible();
}
