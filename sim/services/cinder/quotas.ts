import type { SimState } from "../../core/state";
import { quotaSets, snapshots, volumes, volumeTypes } from "./model";
import { isGone } from "./status";

const DEFAULTS: Record<string, number> = {
  volumes: 50,
  snapshots: 50,
  gigabytes: 4000,
  backups: 10,
  backup_gigabytes: 1000,
  groups: 10,
  per_volume_gigabytes: -1,
};

/** Limits for a project: Cinder's defaults, per-type keys (-1), then stored overrides. */
export function quotaLimits(state: SimState, projectId: string): Record<string, number> {
  const limits: Record<string, number> = { ...DEFAULTS };
  for (const t of volumeTypes(state).all()) {
    for (const k of ["volumes", "gigabytes", "snapshots"]) limits[`${k}_${t.name}`] = -1;
  }
  return { ...limits, ...(quotaSets(state).get(projectId)?.limits ?? {}) };
}

export function quotaUsage(state: SimState, projectId: string): Record<string, number> {
  const now = state.clock.now();
  const types = new Map(
    volumeTypes(state)
      .all()
      .map((t) => [t.id, t.name]),
  );
  const use: Record<string, number> = {};
  const add = (k: string, n: number) => void (use[k] = (use[k] ?? 0) + n);
  for (const v of volumes(state).filter((x) => x.projectId === projectId && !isGone(x, now))) {
    const t = types.get(v.typeId) ?? "";
    add("volumes", 1);
    add("gigabytes", v.size);
    add(`volumes_${t}`, 1);
    add(`gigabytes_${t}`, v.size);
  }
  const volType = new Map(
    volumes(state)
      .all()
      .map((v) => [v.id, types.get(v.typeId) ?? ""]),
  );
  for (const s of snapshots(state).filter((x) => x.projectId === projectId)) {
    add("snapshots", 1);
    add("gigabytes", s.size);
    add(`snapshots_${volType.get(s.volumeId)}`, 1);
    add(`gigabytes_${volType.get(s.volumeId)}`, s.size);
  }
  return use;
}

/** GET /os-quota-sets/{project}[?usage=true] body. */
export function quotaSetView(state: SimState, projectId: string, usage: boolean) {
  const limits = quotaLimits(state, projectId);
  const used = usage ? quotaUsage(state, projectId) : {};
  const set: Record<string, unknown> = { id: projectId };
  for (const [k, limit] of Object.entries(limits)) {
    set[k] = usage ? { limit, in_use: k === "per_volume_gigabytes" ? 0 : (used[k] ?? 0), reserved: 0 } : limit;
  }
  return { quota_set: set };
}

/** The VolumeLimitExceeded / VolumeSizeExceedsAvailableQuota checks of a create, or null. */
export function quotaCheck(state: SimState, projectId: string, typeName: string, size: number): string | null {
  const limits = quotaLimits(state, projectId);
  const used = quotaUsage(state, projectId);
  for (const key of ["volumes", `volumes_${typeName}`]) {
    const lim = limits[key];
    if (lim !== undefined && lim >= 0 && (used[key] ?? 0) + 1 > lim)
      return `VolumeLimitExceeded: Maximum number of volumes allowed (${lim}) exceeded for quota '${key}'.`;
  }
  for (const key of ["gigabytes", `gigabytes_${typeName}`]) {
    const lim = limits[key];
    if (lim !== undefined && lim >= 0 && (used[key] ?? 0) + size > lim)
      return `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed ${key} quota. Requested ${size}G, quota is ${lim}G and ${used[key] ?? 0}G has been consumed.`;
  }
  return null;
}
