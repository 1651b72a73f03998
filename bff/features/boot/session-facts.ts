import { ApiError } from "../../errors";
import type { Services } from "../../lib/services";
import { createTtlCache, type TtlCache } from "../../lib/ttl-cache";
import type { CinderVolumeType } from "../../openstack/cinder";
import type { GlanceImage } from "../../openstack/glance";
import type { NovaFlavor } from "../../openstack/nova";
import type { BootIo } from "./gather";
import { quotaFacts } from "./quota-facts";
import type { QuotaFacts } from "./types";

/**
 * How long the wizard's options and its plans share one session's facts: Nova's limits and Cinder's quotas, the
 * default volume type, the flavors and the active images. 10 s covers opening the wizard and picking a source,
 * and is as stale as a plan's quota line can be (in use by another session of the project in the meantime is
 * not seen for at most that long). A launch never uses them: it forgets the session's facts, plans on fresh
 * reads, and forgets them again once Nova has the server, so the next plan counts it.
 */
export const SESSION_FACTS_TTL_MS = 10_000;
/** Four kinds per session: room for 250 sessions planning within the same 10 s; past that, just more calls. */
const MAX_ENTRIES = 1000;

interface Shared {
  quotas: QuotaFacts;
  defaultType: CinderVolumeType | null;
  flavors: NovaFlavor[];
  images: GlanceImage[];
}
type Kind = keyof Shared;
const KINDS: Kind[] = ["quotas", "defaultType", "flavors", "images"];

/** Per app (its Services), so tests with fresh apps start empty. */
const byApp = new WeakMap<Services, TtlCache<unknown>>();

function cacheOf(io: BootIo): TtlCache<unknown> {
  let c = byApp.get(io.services);
  if (!c) byApp.set(io.services, (c = createTtlCache<unknown>({ ttlMs: SESSION_FACTS_TTL_MS, max: MAX_ENTRIES })));
  return c;
}
/** One session in one project: a rescoped token is a new key. */
const keyOf = (io: BootIo, kind: Kind) => `${kind}|${io.session.projectId}|${io.session.token}`;

/** The fact, shared with concurrent and recent callers of the same session (single-flight; failures not kept). */
function shared<K extends Kind>(io: BootIo, kind: K, load: () => Promise<Shared[K]>): Promise<Shared[K]> {
  return cacheOf(io).get(keyOf(io, kind), load) as Promise<Shared[K]>;
}
/** The fact if a recent caller has it or is fetching it; never a new read. */
function recent<K extends Kind>(io: BootIo, kind: K): Promise<Shared[K]> | undefined {
  return cacheOf(io).current(keyOf(io, kind)) as Promise<Shared[K]> | undefined;
}

export const sessionFacts = {
  quotas: (io: BootIo) => shared(io, "quotas", () => quotaFacts(io)),
  /** Cinder's default type; null when the cloud has none (404). Other failures are thrown, not kept. */
  defaultType: (io: BootIo) =>
    shared(io, "defaultType", () =>
      io.cinder.defaultType().catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    ),
  flavors: (io: BootIo) => shared(io, "flavors", () => io.nova.flavors().then((w) => w.items)),
  activeImages: (io: BootIo) => shared(io, "images", () => io.glance.images({ status: "active" }).then((w) => w.items)),

  /** One image: from the list the wizard's options just read when it holds it, else from Glance. */
  async image(io: BootIo, id: string): Promise<GlanceImage> {
    const listed = (await recent(io, "images")?.catch(() => undefined))?.find((i) => i.id === id);
    return listed ?? io.glance.image(id);
  },
  /** One flavor: from the options' list when it holds it (disabled or private ones may not be there), else from Nova. */
  async flavor(io: BootIo, id: string): Promise<NovaFlavor> {
    const listed = (await recent(io, "flavors")?.catch(() => undefined))?.find((f) => f.id === id);
    return listed ?? io.nova.flavor(id);
  },

  /** Forgets this session's facts (a launch changes its quotas' usage). */
  forget(io: BootIo): void {
    const c = cacheOf(io);
    for (const k of KINDS) c.delete(keyOf(io, k));
  },
};
