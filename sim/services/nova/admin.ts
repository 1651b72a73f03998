import type { Context, Hono } from "hono";
import { createHash } from "node:crypto";
import type { SimState } from "../../core/state";
import { atLeast } from "../common/microversion";
import { COMPUTE_HOSTS } from "./boot";
import { novaFault } from "./errors";
import { serverState } from "./lifecycle";
import { flavors, servers, type Flavor } from "./model";
import { flavorView, type ViewCtx } from "./view";

/** Nova's policy refusal, word for word (nova.policy: "Policy doesn't allow <rule> to be performed."). */
export const policyRefusal = (rule: string) => novaFault(403, `Policy doesn't allow ${rule} to be performed.`);

/** The controller that runs nova-scheduler and nova-conductor next to the compute hosts. */
const CONTROLLER = "cs1-ctl-1";
/** Per-host capacity of the sim's compute nodes (libvirt on KVM, as the scenario describes them). */
const NODE = { vcpus: 64, memory_mb: 524288, local_gb: 1800 };

const uuidOf = (kind: string, name: string) => {
  const h = createHash("md5").update(`${kind}:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
const novaTimestamp = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, ".000000");

type Ctx = (c: Context<any>) => ViewCtx;

/**
 * Nova's admin APIs the admin views call: hypervisors, services, availability zones, aggregates and usage,
 * with Zed's default policies (admin only, except the availability zone list) and their microversion changes
 * (2.53 uuids, 2.88 hypervisor usage fields and statistics gone).
 */
export function registerNovaAdmin(app: Hono<any>, state: SimState, ctx: Ctx) {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const usage = (host: string, now: number) => {
    const mine = servers(state).filter((s) => s.host === host && !s.deletion && serverState(s, now).vm_state !== "error");
    return {
      vcpus: mine.reduce((n, s) => n + s.flavor.vcpus, 0),
      ram: mine.reduce((n, s) => n + s.flavor.ram, 0),
      disk: mine.reduce((n, s) => n + s.flavor.disk, 0),
      vms: mine.length,
    };
  };
  const hypervisorId = (x: ViewCtx, host: string) => (atLeast(x.v, "2.53") ? uuidOf("hypervisor", host) : COMPUTE_HOSTS.indexOf(host) + 1);
  const serviceId = (x: ViewCtx, binary: string, host: string, n: number) =>
    atLeast(x.v, "2.53") ? uuidOf("service", `${binary}@${host}`) : n;
  const hypervisor = (x: ViewCtx, host: string, detail: boolean) => {
    const changed = serviceChanges.get(uuidOf("service", `nova-compute@${host}`));
    const base: Record<string, unknown> = {
      id: hypervisorId(x, host),
      hypervisor_hostname: host,
      state: changed?.forced_down ? "down" : "up",
      status: changed?.status ?? "enabled",
    };
    if (!detail) return base;
    Object.assign(base, {
      hypervisor_type: "QEMU",
      hypervisor_version: 6002000,
      host_ip: `10.0.0.${COMPUTE_HOSTS.indexOf(host) + 11}`,
      service: {
        id: serviceId(x, "nova-compute", host, COMPUTE_HOSTS.indexOf(host) + 3),
        host,
        disabled_reason: changed?.disabled_reason ?? null,
      },
    });
    if (atLeast(x.v, "2.88")) return { ...base, uptime: null };
    const u = usage(host, x.now);
    return {
      ...base,
      vcpus: NODE.vcpus,
      memory_mb: NODE.memory_mb,
      local_gb: NODE.local_gb,
      vcpus_used: u.vcpus,
      memory_mb_used: u.ram + 512,
      local_gb_used: u.disk,
      free_ram_mb: NODE.memory_mb - u.ram - 512,
      free_disk_gb: NODE.local_gb - u.disk,
      current_workload: 0,
      running_vms: u.vms,
      disk_available_least: NODE.local_gb - u.disk,
      cpu_info: JSON.stringify({
        arch: "x86_64",
        model: "Cascadelake-Server",
        vendor: "Intel",
        features: [],
        topology: { cores: 16, threads: 2, sockets: 2 },
      }),
    };
  };
  const admin = (c: Context<any>, rule: string) => (ctx(c).admin ? null : policyRefusal(rule));

  /** From 2.33 the list takes limit (and marker) checked by the query schema: limit must be digits. */
  const badLimit = (c: Context<any>) => {
    const limit = c.req.query("limit");
    if (!atLeast(ctx(c).v, "2.33") || limit === undefined || /^[0-9]*$/.test(limit)) return null;
    return novaFault(400, `Invalid input for query parameters limit. Value: ${limit}. '${limit}' does not match '^[0-9]*$'`);
  };
  app.get(
    "/os-hypervisors",
    (c) =>
      badLimit(c) ??
      admin(c, "os_compute_api:os-hypervisors:list") ??
      json({ hypervisors: COMPUTE_HOSTS.map((h) => hypervisor(ctx(c), h, false)) }),
  );
  app.get(
    "/os-hypervisors/detail",
    (c) =>
      badLimit(c) ??
      admin(c, "os_compute_api:os-hypervisors:list-detail") ??
      json({ hypervisors: COMPUTE_HOSTS.map((h) => hypervisor(ctx(c), h, true)) }),
  );
  app.get("/os-hypervisors/statistics", (c) => {
    const denied = admin(c, "os_compute_api:os-hypervisors:statistics");
    if (denied) return denied;
    const x = ctx(c);
    if (atLeast(x.v, "2.88")) return novaFault(404, "The resource could not be found.");
    const all = COMPUTE_HOSTS.map((h) => hypervisor(x, h, true) as Record<string, number>);
    const sum = (k: string) => all.reduce((n, h) => n + h[k], 0);
    const keys = [
      "vcpus",
      "memory_mb",
      "local_gb",
      "vcpus_used",
      "memory_mb_used",
      "local_gb_used",
      "free_ram_mb",
      "free_disk_gb",
      "current_workload",
      "running_vms",
      "disk_available_least",
    ];
    return json({ hypervisor_statistics: { count: all.length, ...Object.fromEntries(keys.map((k) => [k, sum(k)])) } });
  });
  app.get("/os-hypervisors/:id", (c) => {
    const denied = admin(c, "os_compute_api:os-hypervisors:show");
    if (denied) return denied;
    const x = ctx(c);
    const id = c.req.param("id");
    if (atLeast(x.v, "2.53") && !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(id))
      return novaFault(400, `Invalid uuid ${id}`);
    const host = COMPUTE_HOSTS.find((h) => String(hypervisorId(x, h)) === id);
    if (!host)
      return novaFault(
        atLeast(x.v, "2.53") ? 404 : 404,
        atLeast(x.v, "2.53") ? `Hypervisor with ID '${id}' could not be found.` : `Hypervisor with ID ${id} could not be found.`,
      );
    return json({ hypervisor: hypervisor(x, host, true) });
  });

  /** What an admin changed with PUT /os-services/{id} (2.53), by the service's uuid. */
  const serviceChanges = state.store.collection<{ id: string; status: string; disabled_reason: string | null; forced_down: boolean }>(
    "nova.service-change",
  );
  const services = (x: ViewCtx) => {
    const updated = novaTimestamp(x.now - 5000);
    const row = (binary: string, host: string, zone: string, n: number) => {
      const changed = serviceChanges.get(uuidOf("service", `${binary}@${host}`));
      return {
        binary,
        host,
        id: serviceId(x, binary, host, n),
        zone,
        status: changed?.status ?? "enabled",
        state: changed?.forced_down ? "down" : "up",
        updated_at: updated,
        disabled_reason: changed?.disabled_reason ?? null,
        ...(atLeast(x.v, "2.11") ? { forced_down: changed?.forced_down ?? false } : {}),
      };
    };
    return [
      row("nova-scheduler", CONTROLLER, "internal", 1),
      row("nova-conductor", CONTROLLER, "internal", 2),
      ...COMPUTE_HOSTS.map((h, i) => row("nova-compute", h, "nova", i + 3)),
    ];
  };
  app.get("/os-services", (c) => {
    const denied = admin(c, "os_compute_api:os-services:list");
    if (denied) return denied;
    const q = new URL(c.req.url).searchParams;
    return json({
      services: services(ctx(c)).filter(
        (s) => (!q.get("host") || s.host === q.get("host")) && (!q.get("binary") || s.binary === q.get("binary")),
      ),
    });
  });

  // PUT and DELETE /os-services/{service_id} (2.53): the body's schema first, then the policy, then the service.
  const UPDATE_KEYS = ["status", "disabled_reason", "forced_down"];
  app.put("/os-services/:id", async (c) => {
    const x = ctx(c);
    if (!atLeast(x.v, "2.53")) return novaFault(404, "The resource could not be found.");
    const b = await c.req.json().catch(() => null);
    if (!b || typeof b !== "object" || Array.isArray(b))
      return novaFault(400, `Invalid input for field/attribute request body. Value: ${b}. ${b} is not of type 'object'`);
    const extra = Object.keys(b).filter((k) => !UPDATE_KEYS.includes(k));
    if (extra.length)
      return novaFault(
        400,
        `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(", ")} ${extra.length > 1 ? "were" : "was"} unexpected)`,
      );
    if (b.status !== undefined && !["enabled", "disabled"].includes(b.status))
      return novaFault(
        400,
        `Invalid input for field/attribute status. Value: ${b.status}. '${b.status}' is not one of ['enabled', 'disabled']`,
      );
    if (b.forced_down !== undefined && typeof b.forced_down !== "boolean")
      return novaFault(
        400,
        `Invalid input for field/attribute forced_down. Value: ${b.forced_down}. '${b.forced_down}' is not of type 'boolean'`,
      );
    const denied = admin(c, "os_compute_api:os-services:update");
    if (denied) return denied;
    const id = c.req.param("id");
    const svc = services(x).find((s) => s.id === id);
    if (!svc) return novaFault(404, `Service ${id} could not be found.`);
    if (b.disabled_reason !== undefined && b.status !== "disabled")
      return novaFault(400, "Specifying a disabled reason is not supported unless disabling the service.");
    if (b.status === undefined && b.forced_down === undefined)
      return novaFault(400, "No updates were requested. Fields 'status' or 'forced_down' should be specified.");
    const prev = serviceChanges.get(id);
    const status = b.status ?? prev?.status ?? "enabled";
    serviceChanges.put({
      id,
      status,
      disabled_reason: status === "disabled" ? (b.disabled_reason ?? (b.status ? null : (prev?.disabled_reason ?? null))) : null,
      forced_down: b.forced_down ?? prev?.forced_down ?? false,
    });
    return json({ service: services(x).find((s) => s.id === id) });
  });
  app.delete("/os-services/:id", (c) => {
    const x = ctx(c);
    const denied = admin(c, "os_compute_api:os-services:delete");
    if (denied) return denied;
    const id = c.req.param("id");
    const svc = services(x).find((s) => String(s.id) === id);
    if (!svc) return novaFault(404, `Service ${id} not found.`);
    if (svc.binary === "nova-compute" && usage(svc.host, x.now).vms > 0)
      return novaFault(409, "Unable to delete compute service that is hosting instances. Migrate or delete the instances first.");
    return novaFault(501, "The sim does not delete its services.");
  });

  app.get("/os-availability-zone", () =>
    json({ availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true }, hosts: null }] }),
  );
  app.get("/os-availability-zone/detail", (c) => {
    const denied = admin(c, "os_compute_api:os-availability-zone:detail");
    if (denied) return denied;
    const zones = new Map<string, Record<string, Record<string, unknown>>>();
    for (const s of services(ctx(c))) {
      const hosts = zones.get(s.zone) ?? {};
      hosts[s.host] = { ...hosts[s.host], [s.binary]: { available: true, active: true, updated_at: s.updated_at } };
      zones.set(s.zone, hosts);
    }
    return json({ availabilityZoneInfo: [...zones].map(([zoneName, hosts]) => ({ zoneName, zoneState: { available: true }, hosts })) });
  });
  app.get("/os-aggregates", (c) => admin(c, "os_compute_api:os-aggregates:index") ?? json({ aggregates: [] }));
  app.get("/os-simple-tenant-usage", (c) => admin(c, "os_compute_api:os-simple-tenant-usage:list") ?? json({ tenant_usages: [] }));
  app.post("/flavors", async (c) => {
    const denied = admin(c, "os_compute_api:os-flavor-manage:create");
    if (denied) return denied;
    const f = (await c.req.json().catch(() => null))?.flavor;
    if (!f || typeof f !== "object")
      return novaFault(400, "Invalid input for field/attribute flavor. Value: None. None is not of type 'object'");
    for (const k of ["name", "ram", "vcpus", "disk"])
      if (f[k] === undefined)
        return novaFault(400, `Invalid input for field/attribute flavor. Value: ${JSON.stringify(f)}. '${k}' is a required property`);
    const id = String(f.id ?? crypto.randomUUID());
    if (flavors(state).get(id) || flavors(state).find((x) => x.name === f.name))
      return novaFault(409, flavors(state).get(id) ? `Flavor with ID ${id} already exists.` : `Flavor with name ${f.name} already exists.`);
    const flavor: Flavor = {
      id,
      name: String(f.name),
      vcpus: Number(f.vcpus),
      ram: Number(f.ram),
      disk: Number(f.disk),
      ephemeral: Number(f["OS-FLV-EXT-DATA:ephemeral"] ?? 0),
      swap: Number(f.swap || 0),
      rxtx_factor: Number(f.rxtx_factor ?? 1),
      isPublic: f["os-flavor-access:is_public"] !== false,
      disabled: false,
      description: f.description ?? null,
      extraSpecs: {},
    };
    flavors(state).put(flavor);
    return json({ flavor: flavorView(ctx(c), flavor, true) });
  });
}
