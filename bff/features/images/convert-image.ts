import { ApiError } from "../../errors";
import type { Glance, GlanceImage } from "../../openstack/glance";
import { customProperties } from "./image-detail";
import { importCapability } from "./import-capability";

/** A copy streams for as long as its bytes keep coming, up to this (the proxy's upload limit). */
export const COPY_TIMEOUT_MS = 60 * 60_000;

/** Why an image cannot be converted, or null when it can. */
export function convertRefusal(img: Pick<GlanceImage, "status" | "disk_format">, volumeBacked: boolean): string | null {
  if (volumeBacked) return "a volume-backed snapshot has no image data (its data is a Cinder snapshot)";
  if (img.status !== "active") return `the image is ${img.status}, not active`;
  if (img.disk_format === "raw") return "the image is already raw";
  if (!img.disk_format) return "the image has no disk format";
  return null;
}

/**
 * "Make a raw copy" through Glance's interoperable import: a new image with the source's format and properties, its
 * staging area filled by streaming the source's data (Glance → BFF → Glance, never held here), then a glance-direct
 * import that the image_conversion plugin turns into raw. Answers the new image's id at once; the import runs in
 * Glance. Not retried: every step creates something; a failure after the create deletes the new record.
 */
export async function convertToRaw(
  glance: Glance,
  id: string,
  conversion: string | undefined,
  volumeBacked: (i: GlanceImage) => boolean,
  signal?: AbortSignal,
): Promise<{ id: string; status: string }> {
  const cap = importCapability(await glance.importMethods(), conversion);
  if (!cap.convert.available)
    throw new ApiError(409, "conversion_unavailable", "This Glance does not offer an import with conversion to raw.", {
      service: "image",
      details: { reason: cap.convert.reason },
    });
  const src = await glance.image(id);
  const refusal = convertRefusal(src, volumeBacked(src));
  if (refusal)
    throw new ApiError(409, "conversion_refused", `Can't convert image ${id}: ${refusal}.`, { details: { id, reason: refusal } });
  const copy = await glance.create({
    name: `${src.name ?? src.id} (raw)`.slice(0, 255),
    disk_format: src.disk_format,
    container_format: src.container_format ?? "bare",
    min_disk: src.min_disk,
    min_ram: src.min_ram,
    ...customProperties(src),
    zenith_converted_from: src.id,
  });
  try {
    const data = await glance.data(id, signal);
    if (!data.body) throw new ApiError(502, "upstream_error", `Glance (image) sent no data for image ${id}.`, { service: "image" });
    await glance.stage(copy.id, data.body, COPY_TIMEOUT_MS, signal);
    await glance.import(copy.id, { name: "glance-direct" });
  } catch (e) {
    await glance.remove(copy.id).catch(() => undefined);
    throw e;
  }
  return { id: copy.id, status: "importing" };
}
