import type { Services } from "../../lib/services";
import { createSharedFacts } from "../../lib/shared-facts";
import type { CloudClients } from "../../openstack/clients";
import { indexForest, type Forest } from "./forest";
import { loadLineage } from "./gather";
import { FRESH_MS } from "./pending";
import { RBD_FACTS_TTL_MS } from "./rbd-cache";
import type { LineageRoot, LineageSummary } from "./schema";
import { summarizeForest } from "./summarize";
import type { Lineage } from "./types";

/** How long one gather of lineage is shared by every admin viewer (stated in each answer as sharedForS). */
export const LINEAGE_SHARED_MS = 30_000;
/** While Glance or Cinder name images Ceph does not have yet, facts are shared this long only (the view polls). */
const PENDING_SHARED_MS = 5_000;
/** Lineage reads every project's resources with the BFF's admin view: one set of facts for the cloud. */
const KEY = "cloud";

export interface GatheredLineage {
  forest: Forest;
  roots: LineageRoot[];
  totals: LineageSummary["totals"];
}

/**
 * A gather slower than this (a big cloud's) does not keep viewers waiting once the shared time is up: they get the
 * last facts, marked regathering, while one new gather runs, for at most RBD_FACTS_TTL_MS more.
 */
export const LINEAGE_SLOW_GATHER_MS = 10_000;

/** RBD images a gather reads from the dashboard when a viewer waits for it (the rest: later gathers, or `truncated`). */
export const READS_WAITED = 5_000;
/** …and when it runs behind facts already shown (a big cloud's walk completes in one such gather). */
export const READS_BEHIND = 50_000;

export const createLineageFacts = (ttlMs = LINEAGE_SHARED_MS, slowGatherMs = LINEAGE_SLOW_GATHER_MS) =>
  createSharedFacts<GatheredLineage>({
    ttlMs,
    slowGather: { ms: slowGatherMs, staleMs: RBD_FACTS_TTL_MS },
    fresherWhile: (g) => (g.forest.lineage.pending.length ? Math.min(PENDING_SHARED_MS, FRESH_MS) : null),
  });

/** Indexes and summarizes a lineage once: trees, search and the summary all answer from this. */
export function gathered(lineage: Lineage): GatheredLineage {
  const forest = indexForest(lineage);
  return { forest, ...summarizeForest(forest) };
}

/** The shared facts (gathered by this request when none are fresh, or when `refresh`), with their stamp (when, how old). */
export async function sharedLineage(services: Services, clients: CloudClients, refresh = false) {
  // A refresh reads every image again; a gather after the shared time reuses images read in the last RBD_FACTS_TTL_MS.
  const rbd = { cache: services.rbdFacts, reuse: !refresh };
  // A gather nobody waits for may read the whole cloud; one a viewer waits for stops at the first READS_WAITED images.
  const { value, ...stamp } = await services.lineageFacts.read(
    KEY,
    async ({ behind }) => gathered(await loadLineage(services, clients, undefined, { rbd, readMax: behind ? READS_BEHIND : READS_WAITED })),
    { refresh },
  );
  return { ...value, stamp };
}

/** A clean-up read the lineage afresh: its facts replace the shared ones; after a change, the next view gathers. */
export const shareFresh = (services: Services, lineage: Lineage) => services.lineageFacts.put(KEY, gathered(lineage));
export const forgetShared = (services: Services) => services.lineageFacts.forget(KEY);
