import { handle } from "hono/vercel";
import { createApp } from "@/bff/app";
import { depsFromEnv } from "@/bff/deps-from-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The BFF is built on the first request, not when the module loads: `next build` imports this module to
 * collect its config, and must neither read the environment's secrets nor generate a demo session secret.
 */
let handler: ((req: Request) => Response | Promise<Response>) | undefined;
const lazy = (req: Request) => (handler ??= handle(createApp(depsFromEnv())))(req);

export const GET = lazy;
export const POST = lazy;
export const PUT = lazy;
export const PATCH = lazy;
export const DELETE = lazy;
export const HEAD = lazy;
export const OPTIONS = lazy;
