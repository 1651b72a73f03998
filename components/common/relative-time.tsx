"use client";

import { useEffect, useState } from "react";
import { useLocale } from "@/lib/i18n/client";
import { formatDateTime, formatRelativeTime } from "@/lib/format/relative-time";

/** A <time> that reads "in 42 minutes" and keeps itself current; the exact time is in its title. */
export function RelativeTime({ value, className }: { value: string; className?: string }) {
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  const [shownFor, setShownFor] = useState(value);
  // A new timestamp (e.g. a refetch just landed) is measured against the current time, not the last tick.
  if (shownFor !== value) {
    setShownFor(value);
    setNow(Date.now());
  }
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <time dateTime={value} title={formatDateTime(value, locale)} className={className} suppressHydrationWarning>
      {formatRelativeTime(value, now, locale)}
    </time>
  );
}
