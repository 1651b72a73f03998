import { expect, test } from "./fixtures";
import { signInThroughForm } from "./flows/auth";

/** Issue 14, finding 8: a nonce CSP on every page, under `next start`, and the app still hydrates. */
test.describe("Content-Security-Policy", () => {
  test("every script of a page carries this response's nonce, and the app hydrates and signs in under the policy", async ({ app }) => {
    const violations: string[] = [];
    await app.page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        ((window as unknown as { __csp: string[] }).__csp ??= []).push(e.violatedDirective),
      ),
    );
    const res = await app.page.request.get("/login");
    const csp = res.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
    // A fresh nonce per response.
    expect((await app.page.request.get("/login")).headers()["content-security-policy"]).not.toBe(csp);

    await signInThroughForm(app, "demo");
    await expect(app.overview.catalogRow("compute")).toBeVisible();
    violations.push(...(await app.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    expect(violations).toEqual([]);
  });

  test("an inline script injected into a page without the nonce does not run", async ({ app, baseURL }) => {
    await app.signInViaApi("demo");
    await app.page.route(`${baseURL}/project`, async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, body: (await r.text()).replace("<head>", "<head><script>window.__pwned = 1</script>") });
    });
    await app.overview.goto();
    await expect(app.overview.catalogRow("compute")).toBeVisible();
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("API answers are no-store and cannot be framed", async ({ app }) => {
    const res = await app.page.request.get("/api/auth/session");
    expect(res.headers()["cache-control"]).toBe("no-store");
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
