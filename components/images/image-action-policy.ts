import type { MessageKey } from "@/lib/i18n/translate";
import type { ImageDetail } from "@/lib/queries/images";

export interface ActionState {
  allowed: boolean;
  /** Why not, as a message key with its parameters. */
  reason?: { key: MessageKey; vars?: Record<string, string | number> };
}

const ok: ActionState = { allowed: true };
const no = (key: MessageKey, vars?: Record<string, string | number>): ActionState => ({ allowed: false, reason: { key, vars } });

/**
 * The image page's actions, declared: each is allowed or disabled with the reason. Glance lets only the owning
 * project (or an admin) change an image; a protected one refuses deletion; clones reading from it block deletion
 * (lineage's count); Convert to raw needs an active, non-raw image with data, on a Glance that converts.
 */
export function imageActionStates(i: ImageDetail, isAdmin: boolean) {
  const owner = i.ownedByProject || isAdmin;
  const settled = !i.transient;
  const edit = !owner ? no("imageActions.disabledReason.notOwner") : ok;
  const remove = !owner
    ? no("imageActions.disabledReason.notOwner")
    : i.protected
      ? no("imageActions.disabledReason.protected")
      : i.clones.count
        ? no("imageActions.disabledReason.inUse", { count: i.clones.count })
        : ok;
  const convert = i.volumeBacked
    ? no("imageActions.convertVolumeBacked")
    : i.diskFormat === "raw"
      ? no("imageActions.convertAlreadyRaw")
      : !settled || i.status !== "active"
        ? no("imageActions.convertNotActive")
        : !i.import.convert.available && i.import.convert.reason
          ? no(`imageActions.convertUnavailable.${i.import.convert.reason}`)
          : ok;
  return { edit, delete: remove, convert };
}
