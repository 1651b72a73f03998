import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors";
import type { AppEnv } from "../lib/types";
import { requireAdmin, requireSession } from "./session";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Who may read /api/metrics: a scraper with `Authorization: Bearer <ZENITH_METRICS_TOKEN>` (only when that is set),
 * or a signed-in admin. A wrong bearer is a 401 without looking at the session; no bearer falls back to the session.
 */
export const metricsAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.req.header("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const expected = c.get("services").deps.metricsToken;
    if (expected && same(auth.slice(7).trim(), expected)) return next();
    return c.json(
      errorBody(
        c,
        "unauthenticated",
        expected
          ? "The metrics token is not the configured one."
          : "No metrics token is configured (ZENITH_METRICS_TOKEN); sign in as an admin instead.",
      ),
      401,
    );
  }
  const res = await requireSession(c, async () => {
    const refused = await requireAdmin(c, next);
    if (refused) c.res = refused;
  });
  if (res) return res;
};
