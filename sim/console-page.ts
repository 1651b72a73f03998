import type { Hono } from "hono";
import type { SimState } from "./core/state";
import { servers } from "./services/nova/model";

const escape = (t: string) => t.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The page a remote-console URL of the embedded cloud opens: it stands where nova-novncproxy's vnc_lite.html (or the
 * SPICE proxy's spice_auto.html) would, and says that it is a demo console with no guest display behind it.
 */
export function registerConsolePage(app: Hono, state: SimState) {
  const page = (token: string | undefined) => {
    const raw = token ? state.store.meta.get(`nova.console.${token}`) : undefined;
    const found = raw ? (JSON.parse(raw) as { serverId: string; type: string }) : null;
    const server = found ? servers(state).get(found.serverId) : undefined;
    const status = found ? 200 : 404;
    const body = found
      ? `<h1>Demo console</h1><p>This is the embedded cloud's demo ${escape(found.type)} console for instance <strong>${escape(server?.name ?? found.serverId)}</strong> (${escape(found.serverId)}). There is no guest display behind it: a real cloud's console proxy would show the instance's screen here.</p>`
      : "<h1>Console token invalid</h1><p>The token is unknown or has expired.</p>";
    return new Response(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo console</title></head><body><main>${body}</main></body></html>`,
      { status, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  };
  app.get("/novnc/vnc_lite.html", (c) => page(new URLSearchParams(c.req.query("path") ?? "").get("token") ?? undefined));
  app.get("/spice/spice_auto.html", (c) => page(c.req.query("token")));
}
