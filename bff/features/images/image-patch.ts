import type { ImageUpdate } from "./schema";

export type JsonPatchOp = { op: "add" | "replace" | "remove"; path: string; value?: unknown };

/**
 * The image form's changes as Glance's JSON patch (application/openstack-images-v2.1-json-patch): attributes are
 * replaced, a custom property is added (Glance's `add` replaces an existing one) or removed only when the image
 * has it (Glance answers 409 to removing a missing property). Nothing unchanged is sent.
 */
export function imagePatch(
  u: ImageUpdate,
  current: {
    name: string | null;
    visibility: string;
    protected: boolean;
    minDiskGiB: number;
    minRamMiB: number;
    properties: Record<string, string>;
  },
): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  const attr = (path: string, next: unknown, now: unknown) => {
    if (next !== undefined && next !== now) ops.push({ op: "replace", path, value: next });
  };
  attr("/name", u.name, current.name);
  attr("/visibility", u.visibility, current.visibility);
  attr("/protected", u.protected, current.protected);
  attr("/min_disk", u.minDiskGiB, current.minDiskGiB);
  attr("/min_ram", u.minRamMiB, current.minRamMiB);
  for (const [k, v] of Object.entries(u.setProperties ?? {}))
    if (current.properties[k] !== v) ops.push({ op: "add", path: `/${k}`, value: v });
  for (const k of u.removeProperties ?? [])
    if (k in current.properties && !(k in (u.setProperties ?? {}))) ops.push({ op: "remove", path: `/${k}` });
  return ops;
}
