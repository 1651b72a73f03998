import { createCephDashboard, type CephDashboard, type CephImage } from "../../ceph/dashboard";
import { ApiError } from "../../errors";
import type { Services } from "../../lib/services";
import { createCinder } from "../../openstack/cinder";
import { createGlance } from "../../openstack/glance";
import { createNova } from "../../openstack/nova";
import type { RequestSession } from "../../session/session-service";
import { buildLineage } from "./build-lineage";
import type { Lineage, RbdFacts } from "./types";

const HOW = "Register the Ceph Dashboard in the Keystone catalog (service type ceph-dashboard) or set ZENITH_CEPH_URL, and ZENITH_CEPH_USER / ZENITH_CEPH_PASSWORD for the BFF's dashboard account.";

/** The Ceph Dashboard client for this request, or 503 ceph_unavailable saying what to configure. */
export function cephFor(services: Services, session: RequestSession): CephDashboard {
  let url: string;
  try {
    url = services.deps.ceph.url ?? session.url("ceph");
  } catch {
    throw new ApiError(503, "ceph_unavailable", `The Ceph Dashboard is not in this cloud's catalog. ${HOW}`, { service: "ceph" });
  }
  return createCephDashboard(services.http, url, services.deps.ceph);
}

/** Unreachable or refusing dashboards become 503 ceph_unavailable; RBD errors pass through. */
export async function withCeph<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError && e.extra.service === "ceph" && (e.code === "upstream_unreachable" || e.code === "upstream_timeout" || e.code === "service_unavailable" || e.code === "session_expired"))
      throw new ApiError(503, "ceph_unavailable", `${e.message} ${HOW}`, { service: "ceph" });
    throw e;
  }
}

export function rbdFacts(img: CephImage): RbdFacts {
  return {
    pool: img.pool_name, name: img.name, size: img.size, used: img.total_disk_usage ?? img.disk_usage ?? null,
    parent: img.parent ? { pool: img.parent.pool_name, name: img.parent.image_name, snap: img.parent.snap_name } : null,
    snapshots: img.snapshots.map((s) => ({ name: s.name, protected: !!s.is_protected, children: (s.children ?? []).map((c) => ({ pool: c.pool_name, name: c.image_name })) })),
  };
}

/** Fresh lineage: the RBD images and the Glance/Nova/Cinder lists of every project, fetched in parallel. */
export async function loadLineage(services: Services, session: RequestSession, ceph = cephFor(services, session)): Promise<Lineage> {
  const { http } = services;
  const [rbd, images, servers, volumes] = await Promise.all([
    withCeph(() => ceph.images()),
    createGlance(http, session).images(),
    createNova(http, session).allServerNames(),
    createCinder(http, session).volumes({ all_tenants: "true" }, { limit: 1000, maxItems: 50_000 }),
  ]);
  return buildLineage(rbd.map(rbdFacts), {
    images: images.map((g) => ({ id: g.id, name: g.name, instanceSnapshot: g.image_type === "snapshot" })),
    servers,
    volumes: volumes.map((v) => ({ id: v.id, name: v.name ?? null })),
  });
}
