import type { SimState } from "../../core/state";

/** A Glance v2 image as stored by the sim. Custom properties are kept apart and flattened by the view. */
export interface GlanceImage {
  id: string;
  name: string | null;
  status: "queued" | "saving" | "uploading" | "importing" | "active" | "killed" | "deleted" | "deactivated";
  disk_format: string | null;
  container_format: string | null;
  visibility: "public" | "private" | "shared" | "community";
  size: number | null;
  virtual_size: number | null;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  protected: boolean;
  min_ram: number;
  min_disk: number;
  owner: string;
  os_hidden: boolean;
  tags: string[];
  created: number;
  updated: number;
  properties: Record<string, string>;
  /** The store location, e.g. rbd://<fsid>/images/<id>/snap; null while queued. */
  locationUrl: string | null;
  /** Data staged by PUT /stage (glance-direct), accounted by size and digests: the sim keeps no bytes. */
  staged?: { size: number; md5: string; sha512: string; virtualSize: number | null };
  /** An interoperable import under way (import.ts settles it once `readyAt` has passed). */
  importing?: { taskId: string; method: string; readyAt: number; uri?: string };
}

export interface GlanceConfig {
  /** [DEFAULT] show_image_direct_url: the measured deployment sets it True (Cinder clones from direct_url). */
  show_image_direct_url: boolean;
  show_multiple_locations: boolean;
  /** [DEFAULT] enabled_import_methods (Zed's default: all three). */
  enabled_import_methods: string[];
  /**
   * [image_conversion] output_format with image_conversion in [image_import_opts] image_import_plugins; null when the
   * plugin is not enabled (Glance's default, and the real tier's). The embedded demo cloud enables it (raw).
   */
  image_conversion_output_format: string | null;
}

const DEFAULT_CONFIG: GlanceConfig = {
  show_image_direct_url: true,
  show_multiple_locations: true,
  enabled_import_methods: ["glance-direct", "web-download", "copy-image"],
  image_conversion_output_format: "raw",
};

export const glanceImages = (state: SimState) => state.store.collection<GlanceImage>("glance.image");

export function glanceConfig(state: SimState): GlanceConfig {
  const raw = state.store.meta.get("glance.config");
  return raw ? { ...DEFAULT_CONFIG, ...JSON.parse(raw) } : DEFAULT_CONFIG;
}
export function setGlanceConfig(state: SimState, patch: Partial<GlanceConfig>): GlanceConfig {
  const next = { ...glanceConfig(state), ...patch };
  state.store.meta.set("glance.config", JSON.stringify(next));
  return next;
}

/** Whether a service (Nova, Cinder) that asks Glance for locations gets one. */
export const locationExposed = (state: SimState) => {
  const c = glanceConfig(state);
  return c.show_image_direct_url || c.show_multiple_locations;
};

export const rbdUrl = (fsid: string, pool: string, image: string, snap = "snap") => `rbd://${fsid}/${pool}/${image}/${snap}`;

/** Keys that are image attributes, not custom properties. */
export const CORE_KEYS = new Set([
  "id",
  "name",
  "status",
  "disk_format",
  "container_format",
  "visibility",
  "size",
  "virtual_size",
  "checksum",
  "os_hash_algo",
  "os_hash_value",
  "protected",
  "min_ram",
  "min_disk",
  "owner",
  "os_hidden",
  "tags",
  "created_at",
  "updated_at",
  "self",
  "file",
  "schema",
  "direct_url",
  "locations",
  "stores",
]);
