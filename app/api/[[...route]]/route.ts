import { handle } from "hono/vercel";
import { createApp } from "@/bff/app";
import { depsFromEnv } from "@/bff/deps-from-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const app = createApp(depsFromEnv());
const handler = handle(app);

export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const HEAD = handler;
export const OPTIONS = handler;
