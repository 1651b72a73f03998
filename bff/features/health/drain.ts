import { existsSync } from "node:fs";

/**
 * The drain switch of one replica. A replica drains (readyz answers 503, so HAProxy takes it out before a restart)
 * when it was sent SIGUSR2, or when ZENITH_READY_FILE is set and that file is missing: the rollouts feature removes
 * a pool host's health file to drain it and restores it after the update, and this file is that health file.
 * The signal's state lives on globalThis: instrumentation.ts installs the handler at start, in another module graph
 * than the API route's.
 */
const KEY = Symbol.for("zenith.drain");
type DrainState = { signalled: boolean; installed: boolean };
const state = (): DrainState => {
  const g = globalThis as unknown as Record<symbol, DrainState | undefined>;
  g[KEY] ??= { signalled: false, installed: false };
  return g[KEY];
};

/** Once per process: SIGUSR2 drains this replica until it restarts (Node's default for SIGUSR2 would end it). */
export function installDrainSignal(): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  process.on("SIGUSR2", () => {
    s.signalled = true;
    console.warn("zenith: SIGUSR2: draining (readyz answers 503 until this replica restarts)");
  });
}

export type DrainCheck = { ok: boolean; code: "draining_signal" | "ready_file_missing" | null };

/** Pure: whether a replica serves, from the signal's state and the ready file's presence (undefined: no file configured). */
export function drainCheck(signalled: boolean, readyFilePresent: boolean | undefined): DrainCheck {
  if (signalled) return { ok: false, code: "draining_signal" };
  if (readyFilePresent === false) return { ok: false, code: "ready_file_missing" };
  return { ok: true, code: null };
}

/** The check now, for readyz. */
export function currentDrain(readyFile: string | undefined): DrainCheck {
  return drainCheck(state().signalled, readyFile ? existsSync(readyFile) : undefined);
}
