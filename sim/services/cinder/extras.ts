import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { randomUUID } from "node:crypto";
import { atLeast, type Version } from "../common/microversion";
import { rbdRepo } from "../ceph/repo";
import { cinderFault } from "./errors";
import { BACKEND_HOST, volumeImageName, volumes, volumeTypes, type Volume } from "./model";
import { quotaLimits, quotaUsage } from "./quotas";
import { volumeStatus } from "./status";
import { typeView } from "./view";
import { attachAction, registerAttachments } from "./attach";
import { registerCinderServices } from "./services";

const GiB = 1024 ** 3;
const policy = (rule: string) => cinderFault(403, `Policy doesn't allow ${rule} to be performed.`);
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const accepted = () => new Response(null, { status: 202 });

interface Deps {
  own(c: Context<any>): Volume | undefined;
  mv(c: Context<any>): Version;
  admin(c: Context<any>): boolean;
  projectId(c: Context<any>): string;
}

/**
 * Volume actions and the admin and info APIs beside them, with Zed's default policies and messages:
 * os-extend, os-update_readonly_flag, os-reset_status (os-retype, os-attach, os-detach and the attachments API
 * are in attach.ts); metadata, limits, services, pools, availability zones and volume type creation.
 */
export function registerCinderExtras(app: Hono<any>, state: SimState, d: Deps) {
  app.post("/volumes/:id/action", async (c) => {
    const body = await c.req.json().catch(() => null);
    const action = body && typeof body === "object" && !Array.isArray(body) ? Object.keys(body)[0] : undefined;
    const known = ["os-extend", "os-update_readonly_flag", "os-reset_status", "os-retype", "os-attach", "os-detach", "os-force_detach"];
    if (!action || !known.includes(action))
      return cinderFault(
        400,
        `There is no such action: ${action ?? "None"}. Verify the request body and Content-Type header and try again.`,
      );
    if (action === "os-reset_status" && !d.admin(c)) return policy("volume_extension:volume_admin_actions:reset_status");
    if (action === "os-force_detach" && !d.admin(c)) return policy("volume_extension:volume_admin_actions:force_detach");
    const v = d.own(c);
    if (!v) return cinderFault(404, `Volume ${c.req.param("id")} could not be found.`);
    if (["os-retype", "os-attach", "os-detach", "os-force_detach"].includes(action))
      return attachAction(state, action === "os-force_detach" ? "os-detach" : action, body[action], v);
    const args = body[action] ?? {};
    const status = volumeStatus(v, state.clock.now());
    switch (action) {
      case "os-extend": {
        const n = args.new_size;
        if (!Number.isInteger(Number(n)) || n === null || n === "" || typeof n === "boolean")
          return cinderFault(
            400,
            `Invalid input for field/attribute new_size. Value: ${n}. ${JSON.stringify(n)} is not valid under any of the given schemas`,
          );
        if (Number(n) < 1)
          return cinderFault(400, `Invalid input for field/attribute new_size. Value: ${n}. ${n} is less than the minimum of 1`);
        const inUse = status === "in-use" && atLeast(d.mv(c), "3.42");
        if (status !== "available" && !inUse)
          return cinderFault(
            400,
            `Invalid volume: Volume ${v.id} status must be available${atLeast(d.mv(c), "3.42") ? " or in-use" : ""}, but current status is: ${status}.`,
          );
        if (Number(n) <= v.size)
          return cinderFault(400, `New size for extend must be greater than current size. (current: ${v.size}, extended: ${n}).`);
        const repo = rbdRepo(state);
        const img = repo.get("volumes", volumeImageName(v));
        if (img) repo.put({ ...img, size: Number(n) * GiB });
        volumes(state).put({ ...v, size: Number(n) });
        return accepted();
      }
      case "os-update_readonly_flag": {
        const ro = args.readonly;
        const flag = typeof ro === "boolean" ? ro : ["true", "True", "false", "False"].includes(ro) ? /^t/i.test(ro) : undefined;
        if (flag === undefined)
          return cinderFault(
            400,
            `Invalid input for field/attribute readonly. Value: ${ro}. ${JSON.stringify(ro)} is not valid under any of the given schemas`,
          );
        if (!["available", "in-use"].includes(status))
          return cinderFault(400, `Invalid volume: Volume ${v.id} status must be available or in-use, but current status is: ${status}.`);
        volumes(state).put({ ...v, readonly: flag });
        return accepted();
      }
      default: {
        // os-reset_status, admin
        const to = args.status;
        if (
          to !== undefined &&
          ![
            "creating",
            "available",
            "deleting",
            "error",
            "error_deleting",
            "error_managing",
            "managing",
            "attaching",
            "in-use",
            "detaching",
            "maintenance",
            "reserved",
          ].includes(to)
        )
          return cinderFault(400, `Invalid input for field/attribute status. Value: ${to}.`);
        volumes(state).put({ ...v, forcedStatus: to ?? v.forcedStatus });
        return accepted();
      }
    }
  });

  app.get("/volumes/:id/metadata", (c) => {
    const v = d.own(c);
    return v ? json({ metadata: v.metadata }) : cinderFault(404, `Volume ${c.req.param("id")} could not be found.`);
  });

  app.get("/limits", (c) => {
    const p = d.projectId(c);
    const l = quotaLimits(state, p),
      u = quotaUsage(state, p);
    return json({
      limits: {
        rate: [],
        absolute: {
          totalSnapshotsUsed: u.snapshots ?? 0,
          maxTotalBackups: l.backups,
          maxTotalVolumeGigabytes: l.gigabytes,
          maxTotalSnapshots: l.snapshots,
          maxTotalBackupGigabytes: l.backup_gigabytes,
          totalBackupGigabytesUsed: 0,
          maxTotalVolumes: l.volumes,
          totalVolumesUsed: u.volumes ?? 0,
          totalBackupsUsed: 0,
          totalGigabytesUsed: u.gigabytes ?? 0,
        },
      },
    });
  });

  registerCinderServices(app, state, d);
  app.get("/scheduler-stats/get_pools", (c) =>
    d.admin(c) ? json({ pools: [{ name: BACKEND_HOST }] }) : policy("scheduler_extension:scheduler_stats:get_pools"),
  );
  app.get("/os-availability-zone", () => json({ availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true } }] }));

  registerAttachments(app, state, d);

  app.post("/types", async (c) => {
    if (!d.admin(c)) return policy("volume_extension:type_create");
    const t = (await c.req.json().catch(() => null))?.volume_type;
    if (!t || typeof t.name !== "string" || !t.name.trim())
      return cinderFault(400, "Invalid input for field/attribute name. Value: None. None is not of type 'string'");
    if (volumeTypes(state).find((x) => x.name === t.name)) return cinderFault(409, `Volume Type ${t.name} already exists.`);
    const type = {
      id: randomUUID(),
      name: t.name,
      description: t.description ?? null,
      isPublic: t["os-volume-type-access:is_public"] !== false,
      extraSpecs: t.extra_specs ?? {},
    };
    volumeTypes(state).put(type);
    return json({ volume_type: typeView(true, type) });
  });
}
