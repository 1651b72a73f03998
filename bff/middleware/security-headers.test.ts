import { createApp } from "../app";
import type { BffDeps } from "../deps";

const deps = (over: Partial<BffDeps> = {}): BffDeps => ({
  cloud: {
    authUrl: "http://127.0.0.1:1/v3",
    interface: "public",
    source: "ZENITH_AUTH_URL",
    userDomain: "Default",
    projectDomain: "Default",
  },
  sessionSecret: "x".repeat(32),
  fetch: () => Promise.reject(new Error("no upstream in this test")),
  upstreamTimeoutMs: 1000,
  tokenCacheMs: 0,
  allowedOrigins: [],
  ceph: {},
  nova: { blockDeviceAllocateRetries: 60, blockDeviceAllocateRetriesInterval: 3 },
  ...over,
});

describe("API answers' headers and the app's own origin", () => {
  it("every API answer is no-store, framed by nobody, with a referrer policy and nosniff", async () => {
    const app = createApp(deps());
    for (const res of [await app.request("http://127.0.0.1:3000/api/auth/session"), await app.request("http://127.0.0.1:3000/api/nope")]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("with ZENITH_PUBLIC_ORIGIN, Host and X-Forwarded-Host cannot make a foreign Origin the app's own", async () => {
    const app = createApp(deps({ publicOrigin: "https://zenith.example.com" }));
    const post = (origin: string, headers: Record<string, string> = {}) =>
      app.request("http://127.0.0.1:3000/api/auth/logout", {
        method: "POST",
        headers: { "x-zenith-request": "1", origin, ...headers },
      });
    const forged = await post("https://evil.example", {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).code).toBe("csrf");
    // Past the CSRF guard, sign-out without a session is the session check's 401, not a csrf 403.
    expect((await post("https://zenith.example.com")).status).toBe(401);
    // Without the setting, the forwarded headers decide (what a TLS-terminating proxy sends).
    const plain = createApp(deps());
    const viaProxy = await plain.request("http://127.0.0.1:3000/api/auth/logout", {
      method: "POST",
      headers: {
        "x-zenith-request": "1",
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
      },
    });
    expect(viaProxy.status).toBe(401);
  });
});
