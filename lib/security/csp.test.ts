import { contentSecurityPolicy, makeNonce } from "./csp";

describe("the pages' Content-Security-Policy", () => {
  it("runs scripts only with the nonce, frames nothing, and has no unsafe-inline for scripts", () => {
    const csp = contentSecurityPolicy("abc123");
    const script = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
  });
  it("makes a fresh 128-bit nonce each time", () => {
    const a = makeNonce();
    expect(atob(a)).toHaveLength(16);
    expect(makeNonce()).not.toBe(a);
  });
});
