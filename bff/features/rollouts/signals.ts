import type { ZenithDatabase } from "../../db/database";
import { EVENTS_CHANNEL } from "./store";

/** A cancel asked through a replica that does not run the run: its owner, listening, stops it. */
export const CANCEL_CHANNEL = "zenith_rollout_cancel";

/**
 * Resolves when run `id` may have a new event (any replica's NOTIFY on PostgreSQL, this process's on SQLite),
 * or after `ms` at the latest: readers poll as well.
 */
export function waitForEvents(database: ZenithDatabase, id: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((res) => {
    const done = () => {
      clearTimeout(t);
      off();
      signal?.removeEventListener("abort", done);
      res();
    };
    const t = setTimeout(done, ms);
    const off = database.listen(EVENTS_CHANNEL, (runId) => runId === id && done());
    signal?.addEventListener("abort", done);
  });
}

export interface CancelAsk {
  id: string;
  user: string;
}

export const askCancel = (database: ZenithDatabase, ask: CancelAsk) => database.notify(CANCEL_CHANNEL, JSON.stringify(ask));

/** Calls `fn` for each cancel asked through any replica; a payload that is not one is ignored. */
export function onCancelAsked(database: ZenithDatabase, fn: (ask: CancelAsk) => void): () => void {
  return database.listen(CANCEL_CHANNEL, (payload) => {
    try {
      const a = JSON.parse(payload) as Partial<CancelAsk>;
      if (typeof a.id === "string" && typeof a.user === "string") fn({ id: a.id, user: a.user });
    } catch {
      /* not ours */
    }
  });
}
