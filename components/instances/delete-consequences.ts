import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import type { InstanceDetail } from "@/lib/queries/instances";

export interface Consequence {
  key: MessageKey;
  vars?: TranslateVars;
  tone: "neutral" | "warning";
}

/**
 * What a delete does to the instance's storage, from its detail: the local disk goes; a root volume is
 * kept or deleted by its delete_on_termination (unknown when Nova does not say); other volumes likewise.
 */
export function deleteConsequences(d: Pick<InstanceDetail, "bootFromVolume" | "volumes">): Consequence[] {
  const out: Consequence[] = [{ key: d.bootFromVolume ? "instances.deleteBodyVolume" : "instances.deleteBody", tone: "neutral" }];
  const root = d.volumes.find((v) => v.root);
  if (d.bootFromVolume) {
    const vars = { name: root?.name || root?.id || "—" };
    if (!root || root.deleteOnTermination === null) out.push({ key: "instances.deleteRootUnknown", vars, tone: "warning" });
    else if (root.deleteOnTermination) out.push({ key: "instances.deleteRootDeleted", vars, tone: "warning" });
    else out.push({ key: "instances.deleteRootKept", vars, tone: "neutral" });
  }
  const others = d.volumes.filter((v) => !v.root);
  const kept = others.filter((v) => v.deleteOnTermination === false).length;
  const removed = others.filter((v) => v.deleteOnTermination === true).length;
  if (kept) out.push({ key: "instances.deleteVolumes", vars: { count: kept }, tone: "neutral" });
  if (removed) out.push({ key: "instances.deleteVolumesRemoved", vars: { count: removed }, tone: "warning" });
  return out;
}
