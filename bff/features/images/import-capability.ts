import type { ImportCapability } from "./schema";

/**
 * What this Glance offers for imports: web-download when enabled; Convert to raw when glance-direct is enabled (the
 * copy is staged through it) and the operator declared the image_conversion plugin's output format as raw. Glance's
 * API names its import methods but not its import plugins, hence the declaration; the copy's disk_format proves it.
 */
export function importCapability(methods: string[], declaredOutputFormat: string | undefined): ImportCapability {
  const glanceDirect = methods.includes("glance-direct");
  const declared = declaredOutputFormat === "raw";
  return {
    methods,
    webDownload: methods.includes("web-download"),
    convert: {
      available: glanceDirect && declared,
      outputFormat: declaredOutputFormat ?? null,
      reason: !glanceDirect ? "no_glance_direct" : declared ? null : "conversion_not_declared",
    },
  };
}
