import { expect, test, users } from "./fixtures";
import { signInThroughForm, signOut } from "./flows/auth";

test.describe("signing in and out", () => {
  test("a wrong password shows a readable error, not a crash", async ({ app }) => {
    await app.login.goto();
    await app.login.login("admin", "not-the-password");
    await expect(app.login.error).toContainText("Wrong username or password");
    await expect(app.page).toHaveURL(/\/login/);
    // The secret is cleared and focused for another try; the username is kept.
    await expect(app.login.password).toHaveValue("");
    await expect(app.login.password).toBeFocused();
    await expect(app.login.username).toHaveValue("admin");
  });

  test("empty fields are flagged before anything is sent", async ({ app }) => {
    await app.login.goto();
    await app.login.submit.click();
    await expect(app.login.username).toHaveAttribute("aria-invalid", "true");
    await expect(app.login.username).toBeFocused();
    await expect(app.login.error).toHaveCount(0);
  });

  test("a wrong application credential shows a readable error", async ({ app }) => {
    await app.login.goto();
    await app.login.appCredTab.click();
    await app.login.appCredId.fill("0123456789abcdef0123456789abcdef");
    await app.login.appCredSecret.fill("wrong");
    await app.login.submit.click();
    await expect(app.login.error).toContainText("Wrong application credential ID or secret");
  });

  test("the login form works from the keyboard alone", async ({ app }) => {
    await app.login.goto();
    await expect(app.login.username).toBeFocused();
    await app.page.keyboard.type(users.demo.username);
    await app.page.keyboard.press("Tab");
    await app.page.keyboard.type(users.demo.password);
    await app.page.keyboard.press("Enter");
    await expect(app.page).toHaveURL(/\/project$/);
    await expect(app.overview.heading).toHaveText("Overview");
  });

  test("admin signs in, sees the session and catalog, and signs out", async ({ app }) => {
    await signInThroughForm(app, "admin");
    await expect(app.overview.sessionCard).toContainText("admin");
    await expect(app.overview.catalogRow("identity")).toBeVisible();
    await expect(app.overview.catalogRow("compute")).toBeVisible();
    await signOut(app);
    // The old session is gone: the dashboard sends us back to the form.
    await app.overview.goto();
    await expect(app.page).toHaveURL(/\/login\?next=%2Fproject$/);
  });

  test("a deep link visited while signed out comes back after sign-in", async ({ app }) => {
    await app.system.goto("?from=e2e");
    await expect(app.page).toHaveURL(/\/login\?next=%2Fadmin%2Fsystem%3Ffrom%3De2e$/);
    await expect(app.page.getByRole("status").filter({ hasText: "/admin/system?from=e2e" })).toBeVisible();
    await signInThroughForm(app, "admin", "/admin/system?from=e2e");
    await expect(app.system.heading).toHaveText("System");
  });

  test("the next parameter cannot send the user off-site", async ({ app }) => {
    await app.login.goto("?next=//evil.example/");
    await signInThroughForm(app, "demo", "/project");
  });

  test("a signed-in user visiting /login goes straight on", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.login.goto("?next=%2Fproject%2Fvolumes");
    await expect(app.page).toHaveURL(/\/project\/volumes$/);
  });

  test("when the session ends mid-use, the user signs in again and lands where they were", async ({ app, context }) => {
    await app.signInViaApi("admin");
    await app.system.goto("?view=all");
    await expect(app.system.serviceRow("identity")).toBeVisible();
    // The session disappears under the open page (as when its cookie or token expires);
    // the next BFF call answers 401 and the client goes to /login, keeping the page.
    await context.clearCookies({ name: "zenith_session" });
    await app.system.refresh.click();
    await expect(app.page).toHaveURL(/\/login\?next=%2Fadmin%2Fsystem%3Fview%3Dall$/);
    await signInThroughForm(app, "admin", "/admin/system?view=all");
    await expect(app.system.serviceRow("identity")).toBeVisible();
  });
});
