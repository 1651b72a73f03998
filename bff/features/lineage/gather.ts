import { cephAccount } from "../../ceph/account";
import { cephUnavailable } from "../../ceph/breaker";
import { createCephDashboard, type CephDashboard, type CephImage } from "../../ceph/dashboard";
import { ApiError } from "../../errors";
import type { Services } from "../../lib/services";
import { createCinder } from "../../openstack/cinder";
import { createGlance } from "../../openstack/glance";
import { createNova } from "../../openstack/nova";
import type { RequestSession } from "../../session/session-service";
import { buildLineage } from "./build-lineage";
import { discover } from "./discover";
import { pendingImages, type NamedResource } from "./pending";
import type { Lineage, RbdFacts } from "./types";
import { usageFrom, usagePolicy } from "./usage-policy";

/** The Ceph Dashboard client for this request, or 503 ceph_unavailable (reason not_configured). */
export function cephFor(services: Services, session: RequestSession): CephDashboard {
  const account = cephAccount(services.deps);
  let url: string;
  try {
    url = services.deps.ceph.url ?? session.url("ceph");
  } catch {
    throw cephUnavailable(
      "The Ceph Dashboard is not in this cloud's catalog. Register it in the Keystone catalog (service type ceph-dashboard) or set ZENITH_CEPH_URL, and ZENITH_CEPH_USER / ZENITH_CEPH_PASSWORD for the BFF's dashboard account.",
      { reason: "not_configured" },
    );
  }
  return createCephDashboard(services.http, url, account);
}

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
    pool: img.pool_name, name: img.name, size: img.size, used: null, usageNote: "not_reported",
    parent: img.parent ? { pool: img.parent.pool_name, name: img.parent.image_name, snap: img.parent.snap_name } : null,
    snapshots: img.snapshots.map((s) => ({ name: s.name, size: s.size ?? null, protected: !!s.is_protected, children: (s.children ?? []).map((c) => ({ pool: c.pool_name, name: c.image_name })) })),
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

/**
 * Fresh lineage. Glance and Cinder say which RBD images exist by name; each is read on its own
 * (never the dashboard's image list, whose per-image usage can abort ceph-mgr), and every parent and
 * clone reachable from them is read too.
 */
export async function loadLineage(services: Services, session: RequestSession, ceph = cephFor(services, session)): Promise<Lineage> {
  const { http } = services;
  const [images, servers, volumes] = await Promise.all([
    createGlance(http, session).images(),
    createNova(http, session).allServerNames(),
    createCinder(http, session).volumes({ all_tenants: "true" }, { limit: 1000, maxItems: 50_000 }),
  ]);
  const named: NamedResource[] = [
    ...images.map((g) => ({ type: "glance" as const, id: g.id, name: g.name, status: g.status, createdAt: g.created_at, spec: `images/${g.id}` })),
    ...volumes.map((v) => ({ type: "cinder" as const, id: v.id, name: v.name ?? null, status: v.status, createdAt: v.created_at, spec: `volumes/volume-${v.id}` })),
  ];
  const seeds = named.map((r) => ({ pool: r.spec.split("/")[0], name: r.spec.slice(r.spec.indexOf("/") + 1) }));
  const found = await withCeph(() => discover(seeds, (s) => readImage(ceph, s.pool, s.name)));
  return buildLineage(found.facts, {
    images: images.map((g) => ({ id: g.id, name: g.name, instanceSnapshot: g.image_type === "snapshot" })),
    servers,
    volumes: volumes.map((v) => ({ id: v.id, name: v.name ?? null })),
  }, {
    pending: pendingImages(named, new Set(found.missing), Date.now()),
    coverage: { basis: "named_and_linked", read: found.facts.length + found.missing.length, truncated: found.truncated },
  });
}
