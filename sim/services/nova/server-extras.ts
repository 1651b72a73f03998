import type { Context, Hono } from "hono";
import { createHash } from "node:crypto";
import type { SimState } from "../../core/state";
import { atLeast } from "../common/microversion";
import { neutron } from "../neutron/model";
import { novaFault } from "./errors";
import { serverState } from "./lifecycle";
import { servers, type Server } from "./model";
import { serverView, type ViewCtx } from "./view";

type Ctx = (c: Context<any>) => ViewCtx;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const novaTimestamp = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, ".000000");
const reqId = (seed: string) => {
  const h = createHash("md5").update(seed).digest("hex");
  return `req-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** The server the caller may see (its project's, or any for an admin), as nova's common.get_instance. */
export const visibleServer = (state: SimState, x: ViewCtx, id: string): Server | undefined => {
  const s = servers(state).get(id);
  return s && (x.admin || s.projectId === x.projectId) ? s : undefined;
};

/** os-getConsoleOutput: the guest's serial log, the last `length` lines when asked (a cloud image booting). */
export function consoleOutput(state: SimState, s: Server, args: { length?: unknown } | null | undefined, now: number): Response {
  const length = args?.length;
  if (length !== undefined && length !== null && !(Number.isInteger(Number(length)) && Number(length) >= -1))
    return novaFault(400, `Invalid input for field/attribute length. Value: ${length}. '${length}' does not match '^-?[0-9]+$'`);
  const st = serverState(s, now);
  if (st.vm_state === "building") return novaFault(409, `Instance ${s.id} is not ready`);
  const ip = neutron(state).ports.find((p) => p.device_id === s.id)?.fixed_ips[0]?.ip_address;
  const lines = [
    "[    0.000000] Linux version 3.10.0-1160.el7.x86_64 (mockbuild@kbuilder.bsys.centos.org)",
    "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-3.10.0-1160.el7.x86_64 root=UUID console=tty0 console=ttyS0,115200n8",
    "[    1.204311] virtio_blk virtio2: [vda] disk",
    `ci-info: +++++++++++++++++++++++Net device info+++++++++++++++++++++++`,
    `ci-info: | eth0 | ${ip ?? "."} |`,
    `Cloud-init v. 19.4 finished. Datasource DataSourceOpenStackLocal.`,
    "",
    `${s.name.replace(/[^A-Za-z0-9-]/g, "-").toLowerCase()} login: `,
  ];
  const n = length === undefined || length === null || Number(length) === -1 ? lines.length : Number(length);
  return json({ output: lines.slice(Math.max(0, lines.length - n)).join("\n") });
}

const CONSOLE_TYPES: Record<string, string[]> = {
  vnc: ["novnc", "xvpvnc"],
  spice: ["spice-html5"],
  rdp: ["rdp-html5"],
  serial: ["serial"],
  mks: ["webmks"],
};

/**
 * A console URL as nova's proxies hand out (novncproxy's vnc_lite.html?path=%3Ftoken%3D…, spicehtml5proxy's
 * spice_auto.html?token=…), pointing at the sim's own page that says it is a demo console (sim/console-page.ts).
 */
function demoConsoleUrl(state: SimState, x: ViewCtx, serverId: string, type: string): string {
  const token = createHash("sha256").update(`${serverId}:${x.now}:${Math.random()}`).digest("hex").slice(0, 36);
  state.store.meta.set(`nova.console.${token}`, JSON.stringify({ serverId, type, at: x.now }));
  return type === "spice-html5"
    ? `${x.base}/spice/spice_auto.html?token=${token}`
    : `${x.base}/novnc/vnc_lite.html?path=${encodeURIComponent(`?token=${token}`)}`;
}

/**
 * The server sub-resources the instance page and the consoles feature read. The sim runs no guest display: a noVNC
 * or SPICE console is a page of its own that says so (the real tier disables [vnc]: "Unavailable console type").
 */
export function registerServerExtras(app: Hono<any>, state: SimState, ctx: Ctx) {
  const withServer = (fn: (c: Context<any>, s: Server, x: ViewCtx) => Response | Promise<Response>) => async (c: Context<any>) => {
    const x = ctx(c);
    const s = visibleServer(state, x, c.req.param("id") ?? "");
    if (!s || (s.deletion && x.now >= s.deletion.goneAt)) return novaFault(404, `Instance ${c.req.param("id")} could not be found.`);
    return fn(c, s, x);
  };

  // PUT /servers/{id}: name, description (2.19), hostname (2.90) and the access IPs; the answer is the server.
  app.put(
    "/servers/:id",
    withServer(async (c, s, x) => {
      const body = (await c.req.json().catch(() => null))?.server;
      if (!body || typeof body !== "object")
        return novaFault(400, "Invalid input for field/attribute server. Value: None. None is not of type 'object'");
      const allowed = [
        "name",
        "accessIPv4",
        "accessIPv6",
        ...(atLeast(x.v, "2.19") ? ["description"] : []),
        ...(atLeast(x.v, "2.90") ? ["hostname"] : []),
      ];
      const extra = Object.keys(body).find((k) => !allowed.includes(k));
      if (extra)
        return novaFault(
          400,
          `Invalid input for field/attribute server. Value: ${JSON.stringify(body)}. Additional properties are not allowed ('${extra}' was unexpected)`,
        );
      if (body.name !== undefined && (typeof body.name !== "string" || !body.name.trim()))
        return novaFault(
          400,
          `Invalid input for field/attribute name. Value: ${body.name}. '${body.name}' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'`,
        );
      const next: Server = {
        ...s,
        name: body.name ?? s.name,
        description: body.description !== undefined ? body.description : s.description,
        accessIPv4: body.accessIPv4 ?? s.accessIPv4,
        accessIPv6: body.accessIPv6 ?? s.accessIPv6,
      };
      servers(state).put(next);
      return json({ server: serverView(x, next, { show: true }) });
    }),
  );

  app.get(
    "/servers/:id/metadata",
    withServer((_c, s) => json({ metadata: s.metadata })),
  );

  app.get(
    "/servers/:id/os-interface",
    withServer((_c, s, x) =>
      json({
        interfaceAttachments: neutron(state)
          .ports.filter((p) => p.device_id === s.id)
          .map((p) => ({
            port_state: p.status,
            fixed_ips: p.fixed_ips.map((f) => ({ subnet_id: f.subnet_id, ip_address: f.ip_address })),
            port_id: p.id,
            net_id: p.network_id,
            mac_addr: p.mac_address,
            ...(atLeast(x.v, "2.70") ? { tag: null } : {}),
          })),
      }),
    ),
  );

  app.get(
    "/servers/:id/os-instance-actions",
    withServer((_c, s, x) => {
      const row = (action: string, at: number) => ({
        action,
        instance_uuid: s.id,
        request_id: reqId(`${s.id}:${action}:${at}`),
        user_id: s.userId,
        project_id: s.projectId,
        start_time: novaTimestamp(at),
        message: null,
        ...(atLeast(x.v, "2.58") ? { updated_at: novaTimestamp(at) } : {}),
      });
      const rows = [row("create", s.created)];
      if (s.power.stoppedAt !== null) rows.push(row("stop", s.power.updated));
      else if (s.power.rebootUntil !== null) rows.push(row("reboot", s.power.updated));
      for (const a of s.actionLog ?? []) rows.push({ ...row(a.action, a.at), user_id: a.userId });
      if (s.deletion) rows.push(row("delete", s.deletion.at));
      rows.sort((p, q) => p.start_time.localeCompare(q.start_time));
      return json({ instanceActions: rows.reverse() });
    }),
  );

  app.post(
    "/servers/:id/remote-consoles",
    withServer(async (c, _s, x) => {
      if (!atLeast(x.v, "2.6")) return novaFault(404, "The resource could not be found.");
      const rc = (await c.req.json().catch(() => null))?.remote_console;
      if (!rc || typeof rc !== "object")
        return novaFault(400, "Invalid input for field/attribute remote_console. Value: None. None is not of type 'object'");
      if (!(rc.protocol in CONSOLE_TYPES))
        return novaFault(
          400,
          `Invalid input for field/attribute protocol. Value: ${rc.protocol}. '${rc.protocol}' is not one of ['vnc', 'spice', 'rdp', 'serial', 'mks']`,
        );
      if (!CONSOLE_TYPES[rc.protocol].includes(rc.type)) return novaFault(400, `Unsupported console type ${rc.type}.`);
      if (rc.protocol !== "vnc" && rc.protocol !== "spice") return novaFault(400, `Unavailable console type ${rc.type}.`);
      const st = serverState(_s, x.now);
      if (st.vm_state !== "active" && st.vm_state !== "rescued") return novaFault(409, `Instance ${_s.id} is not ready`);
      return json({ remote_console: { protocol: rc.protocol, type: rc.type, url: demoConsoleUrl(state, x, _s.id, rc.type) } });
    }),
  );
}
