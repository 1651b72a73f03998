import { Hono } from "hono";
import type { SimState } from "./core/state";
import { FAULT_MODES, type FaultMode } from "./core/faults";
import { applyScenario, isScenario } from "./scenarios";
import { neutronControls } from "./services/neutron/control";
import { cephControls } from "./services/ceph/control";
import { glanceControls } from "./services/glance/control";
import { novaControls } from "./services/nova/control";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
/** Methods that carry a body: a page can POST without a preflight, so a body must be JSON (which needs one). */
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/** A loopback Origin (http(s)://127.0.0.1|localhost|[::1][:port]), which a page served on this machine would send. */
function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname, protocol } = new URL(origin);
    return (protocol === "http:" || protocol === "https:") && ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
  } catch {
    return false;
  }
}

/**
 * Why a control request is refused, or null. A POST, PUT or PATCH must be `Content-Type: application/json` (a form
 * post or a `no-cors` fetch from a web page cannot set that without a preflight, which the sim never grants; a DELETE
 * needs a preflight anyway), and every request must carry
 * no Origin or a loopback one: a page on another site must not reset or fault a developer's cloud.
 */
export function controlRefusal(method: string, contentType: string | undefined, origin: string | undefined): string | null {
  if (origin !== undefined && !isLoopbackOrigin(origin)) return `sim controls refuse requests from Origin ${origin}`;
  if (!WITH_BODY.has(method)) return null;
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return "sim controls take only Content-Type: application/json";
  return null;
}

/**
 * /_sim/* test controls. Served only when SIM_CONTROLS=1 and only to loopback callers
 * (the remote address comes from the Node server via `remoteAddress`).
 */
export function controlRoutes(state: SimState, remoteAddress: (req: Request) => string | undefined) {
  const app = new Hono();
  app.use("*", async (c, next) => {
    if (!state.config.controls) return c.json({ error: "sim controls are disabled; start the sim with SIM_CONTROLS=1" }, 404);
    const addr = remoteAddress(c.req.raw);
    if (addr !== undefined && !LOOPBACK.has(addr)) return c.json({ error: "sim controls answer loopback callers only" }, 403);
    const refused = controlRefusal(c.req.method, c.req.header("content-type"), c.req.header("origin"));
    if (refused) return c.json({ error: refused }, refused.includes("Content-Type") ? 415 : 403);
    await next();
  });

  app.get("/state", (c) =>
    c.json({ scenario: state.store.meta.get("scenario") ?? null, timeScale: state.clock.scale(), faults: state.faults.list() }),
  );

  // Requests answered per service since start or DELETE /_sim/requests (benchmarks count a view's upstream calls).
  app.get("/requests", (c) => c.json(state.requests.snapshot()));
  app.delete("/requests", (c) => {
    state.requests.reset();
    return c.json(state.requests.snapshot());
  });

  app.post("/reset", async (c) => {
    const body = await c.req.json().catch(() => ({}));
    const name = String(body?.scenario ?? "default");
    if (!isScenario(name)) return c.json({ error: `unknown scenario '${name}'` }, 400);
    state.faults.clear();
    applyScenario(state, name);
    return c.json({ scenario: name });
  });

  app.post("/time-scale", async (c) => {
    const body = await c.req.json().catch(() => ({}));
    const scale = Number(body?.scale);
    if (!(scale > 0)) return c.json({ error: "body.scale must be a positive number" }, 400);
    state.clock.setScale(scale);
    state.store.meta.set("timeScale", String(scale));
    return c.json({ timeScale: scale });
  });

  app.post("/fault", async (c) => {
    const body = await c.req.json().catch(() => ({}));
    const mode = String(body?.mode) as FaultMode;
    if (typeof body?.service !== "string" || !FAULT_MODES.includes(mode))
      return c.json(
        { error: `body needs service (identity|compute|image|volume|networking|ceph) and mode (${FAULT_MODES.join("|")})` },
        400,
      );
    const phase = body.phase === undefined ? undefined : String(body.phase);
    if (phase !== undefined && phase !== "before" && phase !== "after") return c.json({ error: "body.phase must be before or after" }, 400);
    if (body.path !== undefined) {
      try {
        new RegExp(String(body.path));
      } catch {
        return c.json({ error: "body.path must be a regular expression" }, 400);
      }
    }
    const opt = (v: unknown) => (v === undefined ? undefined : Number(v));
    state.faults.set({
      service: body.service,
      mode,
      delayMs: opt(body.delayMs),
      retryAfterS: opt(body.retryAfterS),
      remaining: opt(body.count),
      method: body.method === undefined ? undefined : String(body.method),
      path: body.path === undefined ? undefined : String(body.path),
      phase,
    });
    return c.json({ faults: state.faults.list() });
  });
  app.delete("/fault", (c) => {
    state.faults.clear(c.req.query("service"));
    return c.json({ faults: state.faults.list() });
  });
  app.route("/agents", neutronControls(state));
  app.route("/", novaControls(state));
  app.route("/", glanceControls(state));
  app.route("/", cephControls(state));
  return app;
}
