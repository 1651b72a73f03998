/** OpenStack API microversions ("2.47"), as nova's and cinder's APIVersionRequest parse them. */
export interface Version {
  major: number;
  minor: number;
}

export const parseVersion = (s: string): Version | null => {
  const m = /^([1-9]\d*)\.(0|[1-9]\d*)$/.exec(s.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
};
export const fmt = (v: Version) => `${v.major}.${v.minor}`;
export const cmp = (a: Version, b: Version) => a.major - b.major || a.minor - b.minor;
export const atLeast = (v: Version, s: string) => cmp(v, parseVersion(s)!) >= 0;

export type Negotiated = { ok: true; version: Version } | { ok: false; status: 400 | 406; message: string; asked: string };

/**
 * Reads `OpenStack-API-Version: <service> X.Y` (or a legacy header) and checks it against [min, max].
 * No header means the minimum; "latest" means the maximum.
 */
export function negotiate(
  service: string,
  headers: { get(n: string): string | undefined | null },
  min: string,
  max: string,
  legacy?: string,
): Negotiated {
  const lo = parseVersion(min)!,
    hi = parseVersion(max)!;
  let raw: string | undefined;
  const h = headers.get("OpenStack-API-Version");
  if (h) {
    for (const part of h.split(",")) {
      const [svc, ver] = part.trim().split(/\s+/);
      if (svc?.toLowerCase() === service && ver) raw = ver;
    }
  }
  if (!raw && legacy) raw = headers.get(legacy) ?? undefined;
  if (!raw) return { ok: true, version: lo };
  if (raw.toLowerCase() === "latest") return { ok: true, version: hi };
  const v = parseVersion(raw);
  if (!v)
    return {
      ok: false,
      status: 400,
      message: `API Version String ${raw} is of invalid format. Must be of format MajorNum.MinorNum.`,
      asked: raw,
    };
  if (cmp(v, lo) < 0 || cmp(v, hi) > 0)
    return {
      ok: false,
      status: 406,
      message: `Version ${raw} is not supported by the API. Minimum is ${min} and maximum is ${max}.`,
      asked: raw,
    };
  return { ok: true, version: v };
}

/** Nova's/Cinder's fault body key for a status (wsgi.Fault._fault_names). */
export function faultKey(status: number): string {
  const names: Record<number, string> = {
    400: "badRequest",
    401: "unauthorized",
    403: "forbidden",
    404: "itemNotFound",
    405: "badMethod",
    409: "conflictingRequest",
    413: "overLimit",
    415: "badMediaType",
    429: "overLimit",
    501: "notImplemented",
    503: "serviceUnavailable",
  };
  return names[status] ?? "computeFault";
}
