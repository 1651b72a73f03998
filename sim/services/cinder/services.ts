import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { cinderTime } from "../../core/clock";
import { atLeast, type Version } from "../common/microversion";
import { cinderFault } from "./errors";
import { BACKEND_HOST } from "./model";

const policy = (rule: string) => cinderFault(403, `Policy doesn't allow ${rule} to be performed.`);
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

interface Deps {
  mv(c: Context<any>): Version;
  admin(c: Context<any>): boolean;
}
/** What an admin changed with PUT /os-services/{enable,disable,disable-log-reason}, by binary@host. */
interface ServiceChange {
  id: string;
  status: "enabled" | "disabled";
  disabled_reason: string | null;
}
const ACTIONS = ["enable", "disable", "disable-log-reason", "freeze", "thaw", "failover_host", "failover", "set-log", "get-log"];

/**
 * Cinder's os-services (admin only, Zed policies volume_extension:services:index / update): the list, filtered by
 * host and binary, and enable / disable / disable-log-reason with cinder-api's checks in its order (policy, action,
 * body, host, service). Replication and log actions answer that the sim does not model them.
 */
export function registerCinderServices(app: Hono<any>, state: SimState, d: Deps) {
  const [volumeHost] = BACKEND_HOST.split("#");
  const changes = state.store.collection<ServiceChange>("cinder.service-change");
  const rows = (v: Version) => {
    const updated = cinderTime(state.clock.now() - 5000);
    const row = (binary: string, host: string) => {
      const ch = changes.get(`${binary}@${host}`);
      return {
        binary,
        host,
        zone: "nova",
        status: ch?.status ?? "enabled",
        state: "up",
        updated_at: updated,
        disabled_reason: ch?.disabled_reason ?? null,
        ...(atLeast(v, "3.7") ? { cluster: null } : {}),
        ...(binary === "cinder-volume" && atLeast(v, "3.32") ? { backend_state: "up" } : {}),
        ...(binary === "cinder-volume" ? { replication_status: "disabled", active_backend_id: null, frozen: false } : {}),
      };
    };
    return [row("cinder-scheduler", volumeHost.split("@")[0]), row("cinder-volume", volumeHost)];
  };

  app.get("/os-services", (c) => {
    if (!d.admin(c)) return policy("volume_extension:services:index");
    const [host, binary] = [c.req.query("host"), c.req.query("binary")];
    return json({ services: rows(d.mv(c)).filter((s) => (!host || s.host === host) && (!binary || s.binary === binary)) });
  });

  app.put("/os-services/:action", async (c) => {
    if (!d.admin(c)) return policy("volume_extension:services:update");
    const action = c.req.param("action");
    if (!ACTIONS.includes(action)) return cinderFault(400, "Invalid input received: Unknown action");
    const b = await c.req.json().catch(() => null);
    if (!["enable", "disable", "disable-log-reason"].includes(action))
      return cinderFault(501, `The sim does not model the ${action} service action.`);
    if (!b || typeof b !== "object" || Array.isArray(b) || (b.host === undefined && b.binary === undefined && b.service === undefined))
      return cinderFault(400, `${JSON.stringify(b ?? null)} is not valid under any of the given schemas`);
    if (b.host === undefined) return cinderFault(400, "Invalid input received: Host field is missing.");
    const binary = String(b.binary ?? b.service ?? "cinder-volume");
    const svc = rows(d.mv(c)).find((s) => s.host === b.host && s.binary === binary);
    if (!svc) return cinderFault(404, `Service ${binary} could not be found on host ${b.host}.`);
    const reason = action === "disable-log-reason" ? String(b.disabled_reason ?? "") : null;
    changes.put({ id: `${binary}@${b.host}`, status: action === "enable" ? "enabled" : "disabled", disabled_reason: reason });
    return json({
      host: b.host,
      binary,
      status: action === "enable" ? "enabled" : "disabled",
      disabled: action !== "enable",
      ...(reason !== null ? { disabled_reason: reason } : {}),
    });
  });
}
