import type { Nova, NovaFlavor } from "../../openstack/nova";
import type { Flavor } from "./schema";

export const toFlavor = (f: NovaFlavor): Flavor => ({
  id: f.id,
  name: f.name,
  vcpus: f.vcpus,
  ramMiB: f.ram,
  diskGiB: f.disk,
  ephemeralGiB: f["OS-FLV-EXT-DATA:ephemeral"] ?? 0,
  isPublic: f["os-flavor-access:is_public"] ?? true,
  description: f.description ?? null,
});

/** The flavors the project may use (Nova lists public ones and those shared with the project), smallest first. */
export async function listFlavors(nova: Nova): Promise<{ items: Flavor[] }> {
  const walk = await nova.flavors();
  const items = walk.items.filter((f) => !f["OS-FLV-DISABLED:disabled"]).map(toFlavor);
  return { items: items.sort((a, b) => a.vcpus - b.vcpus || a.ramMiB - b.ramMiB || a.name.localeCompare(b.name)) };
}
