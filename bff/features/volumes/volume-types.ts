import type { Cinder } from "../../openstack/cinder";
import { nullOn404 } from "../listing/optional";

/** The volume types the project may use; Cinder's default (GET /types/default; 404 when none is set) is marked. */
export async function volumeTypes(cinder: Cinder) {
  const [types, def] = await Promise.all([cinder.types(), nullOn404(cinder.defaultType())]);
  return { items: types.map((t) => ({ id: t.id, name: t.name, description: t.description ?? null, isDefault: t.id === def?.id })) };
}
