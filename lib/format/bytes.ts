const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** 1536 → "1.5 KiB": binary units, at most one decimal, locale digits. */
export function formatBytes(bytes: number | null | undefined, locale = "en"): string | null {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return null;
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 || v >= 100 ? 0 : 1 }).format(v);
  return `${n} ${UNITS[i]}`;
}

/** MiB of RAM as "512 MiB" / "2 GiB". */
export const formatMiB = (mib: number | null | undefined, locale = "en") => (mib == null ? null : formatBytes(mib * 1024 ** 2, locale));
