const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/** "in 59 minutes" / "3 hours ago" / "59 分钟后", using the largest whole unit. */
export function formatRelativeTime(target: Date | string, now: Date | number, locale: string): string {
  const diff = new Date(target).getTime() - new Date(now).getTime();
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of units) {
    if (abs >= ms || unit === "second") return rtf.format(Math.trunc(diff / ms), unit);
  }
  return rtf.format(0, "second");
}

/** An absolute timestamp for tooltips and `dateTime` titles, in the user's locale. */
export function formatDateTime(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(value));
}

/** A time of day ("14:12:08" in zh-CN, "2:12:08 PM" in en) in the user's locale, for "read at …" notes. */
export function formatTime(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(new Date(value));
}
