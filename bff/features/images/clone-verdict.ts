import type { StoreStatus } from "../../ceph/glance-store";
import type { CloneVerdict, ImageSummary } from "./schema";

/**
 * The Images page's "cloned by Ceph" / "will be copied" label, on the same rules as the boot plan: not raw → copy;
 * raw and images/<id>@snap protected in this cluster → clone; raw but not in this cluster (or no snap) → copy;
 * anything the service account could not learn → unknown (the page then promises neither). Null where it does not
 * apply (volume-backed, or no format yet).
 */
export function cloneVerdict(i: Pick<ImageSummary, "diskFormat" | "volumeBacked">, store: StoreStatus | null): CloneVerdict | null {
  if (i.volumeBacked || !i.diskFormat) return null;
  if (i.diskFormat !== "raw") return "copy";
  if (store === null || store === "unknown" || store === "found-unprotected") return "unknown";
  return store === "found-protected" ? "clone" : "copy";
}

/** Runs `probe` for the page's raw images only, a few at a time (one dashboard read per image, never a list). */
export async function withCloneVerdicts<T extends ImageSummary>(
  items: T[],
  probe: ((id: string) => Promise<StoreStatus>) | null,
  concurrency = 4,
): Promise<(T & { cloneVerdict: CloneVerdict | null })[]> {
  const status = new Map<string, StoreStatus>();
  const todo = items.filter((i) => i.diskFormat === "raw" && !i.volumeBacked && i.status === "active").map((i) => i.id);
  if (probe) {
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const id = todo[next++];
        status.set(id, await probe(id).catch(() => "unknown" as const));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  }
  return items.map((i) => ({ ...i, cloneVerdict: cloneVerdict(i, probe ? (status.get(i.id) ?? "unknown") : null) }));
}
