"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { bootQueries, type BootProgress } from "./boot";

/**
 * Live progress over server-sent events; falls back to polling the GET endpoint when the stream
 * cannot be opened or breaks.
 */
export function useBootProgress(serverId: string | null) {
  const [streamed, setStreamed] = useState<BootProgress | null>(null);
  const [streamFailed, setStreamFailed] = useState(false);
  useEffect(() => {
    if (!serverId || typeof EventSource === "undefined") { setStreamFailed(true); return; }
    setStreamed(null);
    setStreamFailed(false);
    const es = new EventSource(`/api/boot/${encodeURIComponent(serverId)}/progress/stream`);
    es.addEventListener("progress", (e) => setStreamed(JSON.parse((e as MessageEvent<string>).data) as BootProgress));
    es.addEventListener("end", () => es.close());
    es.onerror = () => { es.close(); setStreamFailed((done) => done || true); };
    return () => es.close();
  }, [serverId]);
  const polled = useQuery({ ...bootQueries.progress(serverId ?? ""), enabled: !!serverId && streamFailed && !streamed?.done });
  const data = streamed?.done ? streamed : (polled.data ?? streamed);
  return { data, error: polled.error, live: !streamFailed };
}
