import type { Walk } from "../../openstack/paging";
import type { OwnerFacts, WalkNotice } from "./types";

/** How far each owner walk goes: far above any cloud's count, and said out loud when reached. */
export const OWNER_WALK_MAX = 50_000;

export interface GlanceOwner {
  id: string;
  name: string | null;
  status: string;
  created_at: string;
  image_type?: string;
  os_hidden?: boolean;
  direct_url?: string;
  locations?: { url: string }[];
}
export interface CinderOwner {
  id: string;
  name: string | null;
  status: string;
  created_at: string;
  "os-vol-mig-status-attr:name_id"?: string | null;
  /** The servers it is attached to (Cinder's attachments[].server_id). */
  attachments?: { server_id: string }[];
}

/** The list walks lineage needs; each may throw, which makes its walk incomplete (never "absent"). */
export interface OwnerIo {
  /** Glance, `visibility=all` (admins' default list leaves out other projects' community images), hidden or not. */
  glanceImages(hidden: boolean, maxItems: number): Promise<Walk<GlanceOwner>>;
  /** Nova at 2.69, all projects; `softDeleted` walks deleted=true&status=SOFT_DELETED (the default list leaves those out). */
  novaServers(softDeleted: boolean, maxItems: number): Promise<Walk<{ id: string; name: string; status: string }>>;
  /** The unpaged all_tenants list, the only one where Nova names down cells' servers (UNKNOWN). */
  novaDownCellProbe(): Promise<{ servers: { id: string; status?: string; name?: string }[]; more: boolean }>;
  cinderVolumes(maxItems: number): Promise<Walk<CinderOwner>>;
}

export interface OwnerWalks {
  owners: OwnerFacts;
  glance: GlanceOwner[];
  cinder: CinderOwner[];
  /** The walks that did not reach their end, and why: no orphan is called in their pool. */
  incomplete: WalkNotice[];
}

const cause = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function attempt<T>(
  notices: WalkNotice[],
  pool: WalkNotice["pool"],
  service: WalkNotice["service"],
  fn: () => Promise<T>,
): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    notices.push({ service, pool, code: "failed", params: { error: cause(e) } });
    return null;
  }
}

/**
 * Every owner an RBD image can have, from complete walks only: Glance (hidden and not, every visibility),
 * Nova (all projects, SOFT_DELETED too, and a probe for down cells), Cinder (all projects, `id` and `name_id`).
 * A walk that hit its bound, failed, or (Nova) met a server in a down cell is reported in `incomplete`.
 */
export async function walkOwners(io: OwnerIo, max = OWNER_WALK_MAX): Promise<OwnerWalks> {
  const incomplete: WalkNotice[] = [];
  const bound = (ok: boolean, pool: WalkNotice["pool"], service: WalkNotice["service"]) => {
    if (!ok) incomplete.push({ service, pool, code: "bound", params: { bound: max } });
  };
  const [shown, hidden, live, soft, probe, vols] = await Promise.all([
    attempt(incomplete, "images", "glance", () => io.glanceImages(false, max)),
    attempt(incomplete, "images", "glance", () => io.glanceImages(true, max)),
    attempt(incomplete, "vms", "nova", () => io.novaServers(false, max)),
    attempt(incomplete, "vms", "nova", () => io.novaServers(true, max)),
    attempt(incomplete, "vms", "nova", () => io.novaDownCellProbe()),
    attempt(incomplete, "volumes", "cinder", () => io.cinderVolumes(max)),
  ]);
  bound(!shown || shown.complete, "images", "glance");
  bound(!hidden || hidden.complete, "images", "glance");
  bound(!live || live.complete, "vms", "nova");
  bound(!soft || soft.complete, "vms", "nova");
  bound(!vols || vols.complete, "volumes", "cinder");
  const servers = [...(live?.items ?? []), ...(soft?.items ?? []), ...(probe?.servers ?? [])];
  const unknown = new Set(servers.filter((s) => s.status === "UNKNOWN").map((s) => s.id));
  if (unknown.size) incomplete.push({ service: "nova", pool: "vms", code: "cell_down", params: { count: unknown.size } });
  else if (probe?.more) incomplete.push({ service: "nova", pool: "vms", code: "probe_bound", params: { count: probe.servers.length } });
  const glance = [...(shown?.items ?? []), ...(hidden?.items ?? [])];
  const cinder = vols?.items ?? [];
  return {
    owners: {
      images: glance.map((g) => ({ id: g.id, name: g.name, instanceSnapshot: g.image_type === "snapshot" })),
      servers: new Map(servers.map((s) => [s.id, s.name ?? ""])),
      serverStatus: statusOf(servers),
      volumes: cinder.map((v) => ({
        id: v.id,
        name: v.name ?? null,
        nameId: v["os-vol-mig-status-attr:name_id"] ?? null,
        status: v.status,
        attachedTo: (v.attachments ?? []).map((a) => a.server_id),
      })),
      locations: locationOwners(glance),
    },
    glance,
    cinder,
    incomplete: dedupe(incomplete),
  };
}

/** rbd://<fsid>/<pool>/<image>[/<snap>] → "pool/image"; anything else (http, cinder://, file) → null. */
export function rbdSpecOf(url: string): string | null {
  const m = /^rbd:\/\/[^/]+\/([^/]+)\/([^/]+)(\/[^/]+)?$/.exec(url);
  return m ? `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}` : null;
}

/**
 * A Glance image also owns every RBD image its locations name (a location added with `glance location-add`, or an
 * image whose data is another pool's snapshot), whatever that RBD image is called. Seen only when Glance shows
 * locations (show_multiple_locations / show_image_direct_url).
 */
function locationOwners(images: GlanceOwner[]): Map<string, { id: string; name: string | null }> {
  const out = new Map<string, { id: string; name: string | null }>();
  for (const g of images) {
    for (const url of [g.direct_url, ...(g.locations ?? []).map((l) => l.url)]) {
      const spec = url ? rbdSpecOf(url) : null;
      if (spec && spec !== `images/${g.id}`) out.set(spec, { id: g.id, name: g.name });
    }
  }
  return out;
}

/** Each server's status from the walks: the first one that gives one (the down-cell probe may list a server without). */
function statusOf(servers: { id: string; status?: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of servers) if (s.status && !out.has(s.id)) out.set(s.id, s.status);
  return out;
}

const dedupe = (xs: WalkNotice[]) => [...new Map(xs.map((x) => [`${x.service}/${x.code}`, x])).values()];
