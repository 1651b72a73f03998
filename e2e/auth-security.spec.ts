import { expect, test, users } from "./fixtures";
import { signInThroughForm } from "./flows/auth";
import { looksLikeToken, readBrowserStorage, suspiciousEntries } from "./flows/storage";

test.describe("the Keystone token never reaches page script", () => {
  test("the detector recognises a real token from the cloud's Keystone", async ({ cloud }) => {
    const token = await cloud.issueToken(users.demo);
    expect(looksLikeToken(token)).toBe(true);
    expect(looksLikeToken("zh-CN")).toBe(false);
    expect(looksLikeToken("system")).toBe(false);
  });

  test("after login, cookies and storage hold nothing token-like, and the session cookie is HttpOnly", async ({ app, context }) => {
    const tokenHeaders: string[] = [];
    app.page.on("response", (r) => {
      const h = r.headers()["x-subject-token"] ?? r.headers()["x-auth-token"];
      if (h) tokenHeaders.push(r.url());
    });
    const loginBody = app.page.waitForResponse((r) => r.url().endsWith("/api/auth/login"));

    await signInThroughForm(app, "admin");
    await app.overview.chooseTheme(/Dark/);
    await expect(app.overview.catalogRow("compute")).toBeVisible();

    // Nothing the BFF sent back carries the token, in headers or in the session body.
    expect(tokenHeaders).toEqual([]);
    expect(looksLikeToken(JSON.stringify(await (await loginBody).json()).replace(/"[0-9a-f]{32}"/g, '"<id>"'))).toBe(false);

    const storage = await readBrowserStorage(app.page);
    expect(storage.cookie).not.toContain("zenith_session");
    expect(storage.cookie).not.toMatch(/gAAAAA/);
    expect(JSON.stringify(storage.local)).not.toMatch(/gAAAAA/);
    expect(JSON.stringify(storage.session)).not.toMatch(/gAAAAA/);
    expect(suspiciousEntries(storage)).toEqual([]);

    const session = (await context.cookies()).find((c) => c.name === "zenith_session");
    expect(session, "the BFF sets a session cookie").toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Strict");
    expect(session!.value).not.toMatch(/gAAAAA/);
  });
});
