"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { rolloutKeys } from "./rollouts";

export interface RolloutStreamEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

const TYPES = ["ansible", "lb", "guard", "probe", "status", "lb_error"] as const;

/**
 * Follows a run's server-sent events (EventSource resumes with Last-Event-ID by itself after a break).
 * Each event refreshes the run (throttled), so the grid, the health strip and the counters fill live;
 * the last events are kept for the log.
 */
export function useRolloutEvents(id: string | null, running: boolean) {
  const qc = useQueryClient();
  const [events, setEvents] = useState<RolloutStreamEvent[]>([]);
  const [live, setLive] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: running is the trigger: a retried run reopens the stream
  useEffect(() => {
    setEvents([]);
    if (!id || typeof EventSource === "undefined") return;
    const es = new EventSource(`/api/admin/rollouts/${encodeURIComponent(id)}/events`);
    const refresh = () => {
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        void qc.invalidateQueries({ queryKey: rolloutKeys.run(id) });
      }, 300);
    };
    for (const type of TYPES) {
      es.addEventListener(type, (e) => {
        const m = e as MessageEvent<string>;
        setLive(true);
        setEvents((list) => [...list.slice(-199), { id: Number(m.lastEventId), type, data: JSON.parse(m.data) }]);
        refresh();
        if (type === "status") void qc.invalidateQueries({ queryKey: rolloutKeys.runs() });
      });
    }
    es.addEventListener("end", () => {
      es.close();
      setLive(false);
      void qc.invalidateQueries({ queryKey: rolloutKeys.all });
    });
    es.onerror = () => setLive(false);
    return () => {
      es.close();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [id, running, qc]);
  return { events, live };
}
