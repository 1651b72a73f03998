import { NextResponse, type NextRequest } from "next/server";
import { COMMON_SECURITY_HEADERS } from "@/bff/middleware/security-headers";
import { contentSecurityPolicy, makeNonce } from "@/lib/security/csp";

/**
 * Next's request proxy (middleware): a per-request nonce for every page, in a strict Content-Security-Policy.
 * Next reads the policy from the request headers and puts the nonce on its own scripts; the root layout puts
 * it on the theme script (x-nonce). The BFF under /api sets its own headers (bff/middleware/security-headers.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = makeNonce();
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
