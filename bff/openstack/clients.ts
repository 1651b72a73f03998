import { cephAccount } from "../ceph/account";
import { cephUnavailable } from "../ceph/breaker";
import { createCephDashboard, type CephDashboard } from "../ceph/dashboard";
import { ApiError } from "../errors";
import type { Services } from "../lib/services";
import type { RequestSession } from "../session/session-service";
import { createCinder, type Cinder } from "./cinder";
import { createGlance, type Glance } from "./glance";
import type { Keystone } from "./keystone";
import { createNeutron, type Neutron } from "./neutron";
import { createNova, type Nova } from "./nova";

/** The Ceph Dashboard of this cloud with the BFF's service account, or why there is none (503 ceph_unavailable, not_configured). */
export type CephResult = { ceph: CephDashboard; missing: null } | { ceph: null; missing: ApiError };

/** The one set of service clients a request works with; built on first use, once per request. */
export interface CloudClients {
  keystone: Keystone;
  nova: Nova;
  glance: Glance;
  cinder: Cinder;
  neutron: Neutron;
  /** The Ceph Dashboard, or null with the reason (for features that go on without Ceph, saying it is unknown). */
  cephResult(): CephResult;
  /** The Ceph Dashboard, or throws 503 ceph_unavailable (reason not_configured) for features that need it. */
  ceph(): CephDashboard;
}

/**
 * The only place that resolves the Ceph Dashboard: the BFF's account first, then ZENITH_CEPH_URL or the catalog's
 * ceph-dashboard endpoint. Either missing is 503 ceph_unavailable (reason not_configured), naming what to set.
 */
function resolveCeph(services: Services, session: RequestSession): CephResult {
  try {
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
    return { ceph: createCephDashboard(services.http, url, account, services.deps.breaker?.coolDownMs), missing: null };
  } catch (e) {
    if (e instanceof ApiError) return { ceph: null, missing: e };
    throw e;
  }
}

/** Keystone, Nova, Glance, Cinder, Neutron and the Ceph Dashboard for one session, each built once when first asked for. */
export function cloudClients(services: Services, session: RequestSession): CloudClients {
  const { http } = services;
  const once = <T>(make: () => T) => {
    let made: { value: T } | null = null;
    return () => (made ??= { value: make() }).value;
  };
  const nova = once(() => createNova(http, session));
  const glance = once(() => createGlance(http, session));
  const cinder = once(() => createCinder(http, session));
  const neutron = once(() => createNeutron(http, session));
  const cephResult = once(() => resolveCeph(services, session));
  return {
    keystone: services.keystone,
    get nova() {
      return nova();
    },
    get glance() {
      return glance();
    },
    get cinder() {
      return cinder();
    },
    get neutron() {
      return neutron();
    },
    cephResult,
    ceph() {
      const r = cephResult();
      if (r.missing) throw r.missing;
      return r.ceph;
    },
  };
}
