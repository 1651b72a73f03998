import type { VersionInfo } from "./schema";

interface RawVersion {
  id?: string;
  status?: string;
  version?: string;
  min_version?: string;
  max_version?: string;
}

const rank = (id: string) => id.replace(/^v/, "").split(".").map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/**
 * Parses Nova/Cinder-style `{version}` or `{versions:[…]}`, Keystone's `{versions:{values:[…]}}`
 * and Glance's list of v2.x entries. Microversioned services give `min_version`/`version`;
 * the others give only ids, so the range is the lowest and highest id of the major version in use.
 */
export function parseVersionDoc(doc: unknown, major: string): VersionInfo | null {
  if (!doc || typeof doc !== "object") return null;
  const d = doc as Record<string, any>;
  let list: RawVersion[] = [];
  if (d.version && typeof d.version === "object") list = [d.version];
  else if (Array.isArray(d.versions)) list = d.versions;
  else if (Array.isArray(d.versions?.values)) list = d.versions.values;
  const matching = list.filter((v) => typeof v.id === "string" && (v.id === major || v.id.startsWith(`${major}.`) || major === ""));
  if (matching.length === 0) return null;
  const micro = matching.find((v) => v.version || v.min_version || v.max_version);
  if (micro) {
    return {
      id: micro.id!,
      status: String(micro.status ?? "unknown"),
      minVersion: micro.min_version || null,
      maxVersion: micro.version || micro.max_version || null,
    };
  }
  const ids = matching.map((v) => v.id!);
  const max = ids.reduce((a, b) => (newer(b, a) ? b : a));
  const min = ids.reduce((a, b) => (newer(a, b) ? b : a));
  const current = matching.find((v) => /current|stable/i.test(String(v.status))) ?? matching.find((v) => v.id === max)!;
  return {
    id: current.id!,
    status: String(current.status ?? "unknown"),
    minVersion: min.replace(/^v/, ""),
    maxVersion: max.replace(/^v/, ""),
  };
}
