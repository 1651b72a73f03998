"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { bootQueries, type BootProgress } from "./boot";

/** What arrived over the stream: how many events, and whether the first already said the boot was done. */
export interface StreamTrace {
  events: number;
  firstDone: boolean | null;
}

/**
 * Live progress over server-sent events; falls back to polling the GET endpoint when the stream
 * cannot be opened or breaks. `trace` tells the two apart (a stream buffered until the end would
 * deliver its first event already done).
 */
export function useBootProgress(serverId: string | null) {
  const [streamed, setStreamed] = useState<BootProgress | null>(null);
  const [streamFailed, setStreamFailed] = useState(false);
  const [trace, setTrace] = useState<StreamTrace>({ events: 0, firstDone: null });
  useEffect(() => {
    if (!serverId || typeof EventSource === "undefined") {
      setStreamFailed(true);
      return;
    }
    setStreamed(null);
    setStreamFailed(false);
    setTrace({ events: 0, firstDone: null });
    const es = new EventSource(`/api/boot/${encodeURIComponent(serverId)}/progress/stream`);
    es.addEventListener("progress", (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as BootProgress;
      setTrace((t) => ({ events: t.events + 1, firstDone: t.firstDone ?? p.done }));
      setStreamed(p);
    });
    // `end` says why: anything but "done" (the stream's lifetime ran out, the session ended) falls back to polling.
    es.addEventListener("end", (e) => {
      es.close();
      const reason = (JSON.parse((e as MessageEvent<string>).data) as { reason?: string }).reason;
      if (reason && reason !== "done") setStreamFailed(true);
    });
    es.onerror = () => {
      es.close();
      setStreamFailed((done) => done || true);
    };
    return () => es.close();
  }, [serverId]);
  const polled = useQuery({ ...bootQueries.progress(serverId ?? ""), enabled: !!serverId && streamFailed && !streamed?.done });
  const data = streamed?.done ? streamed : (polled.data ?? streamed);
  return { data, error: polled.error, live: !streamFailed, trace };
}
