import { cephUnavailable } from "../../ceph/breaker";
import type { CephDashboard, CephImage } from "../../ceph/dashboard";
import { ApiError } from "../../errors";
import type { Services } from "../../lib/services";
import type { CloudClients } from "../../openstack/clients";
import { buildLineage } from "./build-lineage";
import { discover } from "./discover";
import type { RbdFactsCache } from "./rbd-cache";
import { pendingImages, type NamedResource } from "./pending";
import type { Lineage, RbdFacts } from "./types";
import { usageFrom, usagePolicy } from "./usage-policy";
import { walkOwners, type CinderOwner, type GlanceOwner, type OwnerIo } from "./owners";
import type { GlanceImage } from "../../openstack/glance";
import type { CinderVolume } from "../../openstack/cinder";
import type { OwnerReader } from "./prove";

/** A dashboard that times out or refuses the BFF's token twice is unavailable too; RBD errors pass through. */
export async function withCeph<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError && e.extra.service === "ceph" && (e.code === "service_unavailable" || e.code === "session_expired"))
      throw cephUnavailable(e.message, { reason: "not_answering" });
    throw e;
  }
}

/** The dashboard's image (read with omit_usage=true) as lineage's facts; usage is filled in later, or stays unknown. */
export function rbdFacts(img: CephImage): RbdFacts {
  const facts: RbdFacts = {
    pool: img.pool_name,
    name: img.name,
    size: img.size,
    used: null,
    usageNote: "not_reported",
    parent: img.parent ? { pool: img.parent.pool_name, name: img.parent.image_name, snap: img.parent.snap_name } : null,
    snapshots: img.snapshots.map((s) => ({
      name: s.name,
      size: s.size ?? null,
      protected: !!s.is_protected,
      children: (s.children ?? []).map((c) => ({ pool: c.pool_name, name: c.image_name })),
    })),
  };
  const policy = usagePolicy(facts);
  return policy === "read" ? facts : { ...facts, usageNote: policy };
}

/** Reads one image without usage, then (only if usagePolicy allows) once more with the dashboard's usage. */
async function readImage(ceph: CephDashboard, pool: string, name: string): Promise<RbdFacts | null> {
  const img = await ceph.image(pool, name);
  if (!img) return null;
  const facts = rbdFacts({ ...img, pool_name: img.pool_name ?? pool });
  if (usagePolicy(facts) !== "read") return facts;
  const withUsage = await ceph.imageWithUsage(pool, name);
  return withUsage ? { ...facts, ...usageFrom(withUsage.total_disk_usage, withUsage.disk_usage) } : facts;
}

// Only the fields lineage reads, as each page arrives: the walks hold thousands of these through the whole gather.
const glanceOwner = (g: GlanceImage): GlanceOwner => ({
  id: g.id,
  name: g.name,
  status: g.status,
  created_at: g.created_at,
  image_type: g.image_type,
  os_hidden: typeof g.os_hidden === "boolean" ? g.os_hidden : undefined,
  direct_url: g.direct_url,
  locations: g.locations?.map((l) => ({ url: l.url })),
});
const cinderOwner = (v: CinderVolume): CinderOwner => ({
  id: v.id,
  name: v.name,
  status: v.status,
  created_at: v.created_at,
  "os-vol-mig-status-attr:name_id": v["os-vol-mig-status-attr:name_id"],
  attachments: (v.attachments ?? []).map((a) => ({ server_id: a.server_id })),
});

/** The owner walks over this session's Glance, Nova (2.69) and Cinder clients. */
export function ownerIo({ glance, nova, cinder }: Pick<CloudClients, "glance" | "nova" | "cinder">): OwnerIo {
  return {
    glanceImages: (hidden, maxItems) =>
      glance.images({ visibility: "all", ...(hidden ? { os_hidden: "true" } : {}) }, { limit: 1000, maxItems, pick: glanceOwner }),
    // status=SOFT_DELETED alone lists nothing (the DB leaves soft-deleted rows out unless deleted=true).
    novaServers: (softDeleted, maxItems) => nova.allServers(softDeleted ? { deleted: "true", status: "SOFT_DELETED" } : {}, { maxItems }),
    novaDownCellProbe: () => nova.downCellProbe(),
    cinderVolumes: (maxItems) => cinder.volumes({ all_tenants: "true" }, { limit: 1000, maxItems, pick: cinderOwner }),
  };
}

/**
 * Fresh lineage. Glance and Cinder say which RBD images exist by name; each is read on its own
 * (never the dashboard's image list, whose per-image usage can abort ceph-mgr), and every parent and
 * clone reachable from them is read too. An owner walk that did not reach its end is named in
 * coverage.walks, and no orphan is called in its pool.
 */
export async function loadLineage(
  services: Services,
  clients: CloudClients,
  ceph = clients.ceph(),
  opts: { walkMax?: number; rbd?: { cache: RbdFactsCache; reuse: boolean }; readMax?: number } = {},
): Promise<Lineage> {
  const walks = await walkOwners(ownerIo(clients), opts.walkMax ?? services.deps.lineageWalkMax);
  const named: NamedResource[] = [
    ...walks.glance.map((g) => ({
      type: "glance" as const,
      id: g.id,
      name: g.name,
      status: g.status,
      createdAt: g.created_at,
      spec: `images/${g.id}`,
    })),
    ...walks.cinder.map((v) => ({
      type: "cinder" as const,
      id: v.id,
      name: v.name ?? null,
      status: v.status,
      createdAt: v.created_at,
      spec: `volumes/volume-${v["os-vol-mig-status-attr:name_id"] || v.id}`,
    })),
  ];
  // Also every RBD image a Glance location names (another pool, another name): it has an owner to show; and each
  // live server's root disk (a 404 for a server booted from a volume), so a new server's disk is read even while
  // its image's facts (which list it as a clone) are reused from an earlier gather.
  const specs = [
    ...named.map((r) => r.spec),
    ...(walks.owners.locations?.keys() ?? []),
    ...[...walks.owners.servers.keys()].map((id) => `vms/${id}_disk`),
  ];
  const namedNow = new Set(specs);
  const seeds = [...namedNow].map((spec) => ({ pool: spec.split("/")[0], name: spec.slice(spec.indexOf("/") + 1) }));
  const rbd = opts.rbd;
  const found = await withCeph(() =>
    discover(
      seeds,
      async (s) => {
        const f = await readImage(ceph, s.pool, s.name);
        if (f && rbd) rbd.cache.put(f, namedNow.has(`${s.pool}/${s.name}`));
        return f;
      },
      { max: opts.readMax, known: rbd?.reuse ? (s) => rbd.cache.known(s, (spec) => namedNow.has(spec))?.facts : undefined },
    ),
  );
  // After the walk, not beside it: if the dashboard is down, the walk's first read alone finds out.
  const listed = await withCeph(() => ceph.imageCount());
  return buildLineage(found.facts, walks.owners, {
    pending: pendingImages(named, new Set(found.missing), Date.now()),
    coverage: {
      basis: "named_and_linked",
      read: found.facts.length + found.missing.length,
      truncated: found.truncated,
      walks: walks.incomplete,
      calls: found.read,
      reused: found.reused,
      reusedForS: rbd?.reuse ? rbd.cache.ttlMs / 1000 : 0,
      listed,
    },
  });
}

/** Reads an orphan's owner by id (Nova at 2.69, so a server in a down cell is found, not missed). */
export function ownerReader({ glance, nova, cinder }: Pick<CloudClients, "glance" | "nova" | "cinder">): OwnerReader {
  return async (ref) => {
    if (ref.service === "glance") {
      const g = await glance.image(ref.id);
      return { name: g.name, status: g.status };
    }
    if (ref.service === "nova") {
      const s = await nova.serverAnyCell(ref.id);
      return { name: s.name ?? null, status: s.status };
    }
    const v = await cinder.volume(ref.id);
    return { name: v.name, status: v.status };
  };
}
