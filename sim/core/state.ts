import { openDb, type Db } from "./db";
import { createDocStore, type DocStore } from "./store";
import { createClock, type Clock } from "./clock";
import { createFaults, type Faults } from "./faults";
import { createRequestCounter, type RequestCounter } from "./request-counter";

export interface SimConfig {
  /** Path of the SQLite file, or ":memory:". */
  dbPath: string;
  /** `/_sim/*` controls are served only when true (SIM_CONTROLS=1). */
  controls: boolean;
  adminPassword: string;
  demoPassword: string;
  /** Keystone token lifetime in seconds ([token] expiration). */
  tokenTtlSeconds: number;
  timeScale: number;
  region: string;
}

export interface SimState {
  db: Db;
  store: DocStore;
  clock: Clock;
  faults: Faults;
  /** Requests answered per service (read through GET /_sim/requests). */
  requests: RequestCounter;
  config: SimConfig;
  /** The sim's own public address, e.g. http://127.0.0.1:5055; the catalog points here. */
  baseUrl: string;
}

export function simConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SimConfig {
  return {
    dbPath: env.SIM_DB ?? `${env.SIM_DATA_DIR ?? ".data"}/sim.sqlite`,
    controls: env.SIM_CONTROLS === "1",
    adminPassword: env.ZENITH_ADMIN_PASSWORD ?? "zenith-admin",
    demoPassword: env.ZENITH_DEMO_PASSWORD ?? "zenith-demo",
    tokenTtlSeconds: Number(env.SIM_TOKEN_TTL ?? 3600),
    timeScale: Number(env.SIM_TIME_SCALE ?? 1),
    region: env.SIM_REGION ?? "RegionOne",
  };
}

export function createSimState(config: SimConfig, baseUrl = "http://127.0.0.1:5055"): SimState {
  const db = openDb(config.dbPath);
  const store = createDocStore(db);
  const saved = store.meta.get("timeScale");
  const clock = createClock(saved ? Number(saved) : config.timeScale);
  return { db, store, clock, faults: createFaults(), requests: createRequestCounter(), config, baseUrl };
}
