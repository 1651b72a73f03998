import type { SimState } from "../core/state";
import { seedIdentity } from "./identity";
import { seedNetworkDefault, seedNetworkScale } from "./network";
import { seedStorageDefault } from "./storage";
import { seedStorageScale } from "./storage-scale";

export const SCENARIOS = ["default", "scale"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export type Seed = (state: SimState) => void;

/** Per-scenario seeding, in order. Each scenario starts from an empty store. */
const SEEDS: Record<ScenarioName, Seed[]> = {
  default: [seedIdentity, seedNetworkDefault, seedStorageDefault],
  scale: [seedIdentity, seedNetworkScale, seedStorageScale],
};

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

export function applyScenario(state: SimState, name: ScenarioName): void {
  if (!isScenario(name)) throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.join(", ")}`);
  state.store.transaction(() => {
    state.store.clear();
    for (const seed of SEEDS[name]) seed(state);
    state.store.meta.set("scenario", name);
    state.store.meta.set("seededAt", String(state.clock.now()));
  });
}
