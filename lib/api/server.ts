import { cookies, headers } from "next/headers";
import type { ApiClient } from "./client";
import { createApiClient } from "./create-client";

/**
 * The BFF client for server components: same routes, called back over HTTP on
 * this server's own origin with the user's cookie, so a prefetch sees exactly
 * what the browser would. Only GETs are made from here.
 */
export async function createServerApi(): Promise<ApiClient> {
  const h = await headers();
  const cookie = (await cookies()).toString();
  // Where this server listens: explicit override, else the address `next start` bound (it sets
  // __NEXT_PRIVATE_ORIGIN), else the Host the browser used. Behind a proxy, set ZENITH_INTERNAL_ORIGIN.
  const origin =
    process.env.ZENITH_INTERNAL_ORIGIN ??
    process.env.__NEXT_PRIVATE_ORIGIN ??
    `http://${h.get("host") ?? `127.0.0.1:${process.env.PORT ?? 3000}`}`;
  return createApiClient({
    baseUrl: origin,
    headers: cookie ? { cookie } : {},
    fetch: (r) => globalThis.fetch(r, { signal: AbortSignal.timeout(8_000), cache: "no-store" } as RequestInit),
  });
}
