import type { SimState } from "../core/state";
import { CROWD_MAX, crowdSize, seedCrowd } from "./crowd";
import { seedIdentity } from "./identity";
import { seedNetworkDefault, seedNetworkScale } from "./network";
import { seedStorageDefault } from "./storage";
import { seedStorageScale } from "./storage-scale";

export const SCENARIOS = ["default", "scale"] as const;
/** A named scenario, or `servers-<N>`: the default one plus N servers in the demo project (sim/scenarios/crowd.ts). */
export type ScenarioName = (typeof SCENARIOS)[number] | `servers-${number}`;
export type Seed = (state: SimState) => void;

/** Per-scenario seeding, in order. Each scenario starts from an empty store. */
const SEEDS: Record<(typeof SCENARIOS)[number], Seed[]> = {
  default: [seedIdentity, seedNetworkDefault, seedStorageDefault],
  scale: [seedIdentity, seedNetworkScale, seedStorageScale],
};

function seedsOf(name: string): Seed[] | null {
  if ((SCENARIOS as readonly string[]).includes(name)) return SEEDS[name as (typeof SCENARIOS)[number]];
  const n = crowdSize(name);
  return n === null ? null : [...SEEDS.default, seedCrowd(n)];
}

export function isScenario(name: string): name is ScenarioName {
  return seedsOf(name) !== null;
}

export function applyScenario(state: SimState, name: ScenarioName): void {
  const seeds = seedsOf(name);
  if (!seeds) throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.join(", ")}, servers-<1…${CROWD_MAX}>`);
  state.store.transaction(() => {
    state.store.clear();
    for (const seed of seeds) seed(state);
    state.store.meta.set("scenario", name);
    state.store.meta.set("seededAt", String(state.clock.now()));
  });
}
