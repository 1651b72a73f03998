import type { PendingImage } from "./types";

/** How long after creation a missing RBD image is taken as "not there yet" rather than absent. */
export const FRESH_MS = 60_000;
const GLANCE_WRITING = new Set(["saving", "importing", "uploading"]);
const CINDER_WRITING = new Set(["creating", "downloading"]);

export interface NamedResource {
  type: "glance" | "cinder";
  id: string;
  name: string | null;
  status: string;
  createdAt: string;
  spec: string;
}

/**
 * The Glance images and Cinder volumes whose RBD image the dashboard did not have, and that are young enough
 * (or still being written) for that to mean "not yet" (the dashboard's image list lagged 10–20 s behind
 * new clones on the real tier). Older ones are simply not in this cluster (another store, a foreign fsid).
 */
export function pendingImages(named: NamedResource[], missing: Set<string>, now: number): PendingImage[] {
  const out: PendingImage[] = [];
  for (const r of named) {
    if (!missing.has(r.spec)) continue;
    const writing = (r.type === "glance" ? GLANCE_WRITING : CINDER_WRITING).has(r.status);
    const created = Date.parse(r.createdAt);
    const fresh = Number.isFinite(created) && now - created < FRESH_MS;
    if (!writing && !fresh) continue;
    out.push({ spec: r.spec, owner: { type: r.type, id: r.id, name: r.name || r.id }, reason: writing ? "transitional" : "fresh" });
  }
  return out.sort((a, b) => a.spec.localeCompare(b.spec));
}
