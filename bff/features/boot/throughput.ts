import { MiB, type Quantiles, type ThroughputModel } from "./types";

/**
 * Copy timing, fitted to the measured Zed + Ceph 16 runs (reference/glance-cinder-on-ceph-rbd.md):
 * 256 MiB qcow2 → volume available ≈ 4.1 s; 896 MB qcow2: download 6–7.5 s, convert 2.3 s, import 1.7 s;
 * raw clone → volume available 1.0–1.4 s; Nova built the instance in ≈ 2 s once its disk was there.
 */
export interface TimingDefaults {
  downloadBytesPerSecond: number;
  convertBytesPerSecond: number;
  importBytesPerSecond: number;
  /** API, scheduler and driver overhead before the copy starts. */
  copyOverheadSeconds: number;
  cloneSeconds: Quantiles;
  bootSeconds: Quantiles;
  /** p90 ÷ p50 when nothing was learned. */
  defaultSpread: number;
  minSamples: number;
}
export const TIMING_DEFAULTS: TimingDefaults = {
  downloadBytesPerSecond: 128 * MiB,
  convertBytesPerSecond: 420 * MiB,
  importBytesPerSecond: 512 * MiB,
  copyOverheadSeconds: 1.0,
  cloneSeconds: { p50: 1.4, p90: 2.5 },
  bootSeconds: { p50: 2.5, p90: 5 },
  defaultSpread: 1.5,
  minSamples: 3,
};

/** One volume created from an image, from Cinder's own records. */
export interface VolumeSample {
  id: string;
  status: string;
  /** Image bytes (volume_image_metadata.size). */
  imageBytes: number;
  diskFormat: string;
  createdAt: number;
  /** updated_at: when it turned available (or was attached, shortly after). */
  updatedAt: number | null;
}

/** A sample counts as a copy only when it certainly was one: a non-raw image always goes download + convert + import. */
export function copySamples(samples: VolumeSample[]): { bytes: number; seconds: number }[] {
  return samples
    .filter((s) => s.diskFormat !== "raw" && s.diskFormat !== "" && s.imageBytes > 0 && s.updatedAt !== null)
    .filter((s) => s.status === "available" || s.status === "in-use")
    .map((s) => ({ bytes: s.imageBytes, seconds: ((s.updatedAt as number) - s.createdAt) / 1000 }))
    .filter((s) => s.seconds > 0);
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos),
    hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The stage rates combined into one end-to-end rate for an image of this shape. */
export function defaultBytesPerSecond(d: TimingDefaults = TIMING_DEFAULTS, imageBytes = 1024 * MiB): number {
  const seconds =
    d.copyOverheadSeconds +
    imageBytes / d.downloadBytesPerSecond +
    imageBytes / d.convertBytesPerSecond +
    imageBytes / d.importBytesPerSecond;
  return imageBytes / seconds;
}

/**
 * Learns the copy throughput from the cloud's history (created → available against image size): the
 * median rate is p50, the slow 10th percentile gives p90 times. Falls back to the configured default
 * with fewer than `minSamples` certain copies, and says which it used.
 */
export function learnThroughput(samples: VolumeSample[], d: TimingDefaults = TIMING_DEFAULTS): ThroughputModel {
  const copies = copySamples(samples);
  if (copies.length < d.minSamples) {
    const bps = defaultBytesPerSecond(d);
    return {
      source: "default",
      bytesPerSecond: { p50: bps, p90: bps / d.defaultSpread },
      samples: copies.length,
      explanation: `Configured default: download ${fmtRate(d.downloadBytesPerSecond)}, convert ${fmtRate(d.convertBytesPerSecond)}, import ${fmtRate(d.importBytesPerSecond)} (measured on Zed + Ceph 16); only ${copies.length} volume(s) copied from non-raw images in this cloud's history, ${d.minSamples} needed to learn`,
    };
  }
  const rates = copies.map((c) => c.bytes / c.seconds).sort((a, b) => a - b);
  const p50 = quantile(rates, 0.5),
    slow = quantile(rates, 0.1);
  return {
    source: "learned",
    bytesPerSecond: { p50, p90: slow },
    samples: copies.length,
    explanation: `Learned from ${copies.length} volume(s) this cloud copied from non-raw images (created → available against image size): median ${fmtRate(p50)}, slow tail ${fmtRate(slow)}`,
  };
}

export const fmtRate = (bps: number) => `${(bps / MiB).toFixed(bps >= 100 * MiB ? 0 : 1)} MiB/s`;

export interface StageEstimate {
  stage: "download" | "convert" | "import";
  bytes: number;
  seconds: Quantiles;
}

/**
 * A full copy split into Cinder's/Nova's three stages. The default stage rates set the proportions;
 * the throughput model (learned or default) sets the total.
 */
export function copyEstimate(
  img: { size: number; virtualSize: number; diskFormat: string | null },
  model: ThroughputModel,
  d: TimingDefaults = TIMING_DEFAULTS,
) {
  const convert = img.diskFormat === "raw" ? 0 : img.virtualSize / d.convertBytesPerSecond;
  const raw = {
    download: d.copyOverheadSeconds + img.size / d.downloadBytesPerSecond,
    convert,
    import: img.virtualSize / d.importBytesPerSecond,
  };
  const rawTotal = raw.download + raw.convert + raw.import;
  const total: Quantiles =
    model.source === "learned"
      ? { p50: img.size / model.bytesPerSecond.p50, p90: img.size / model.bytesPerSecond.p90 }
      : { p50: rawTotal, p90: rawTotal * d.defaultSpread };
  const part = (s: number): Quantiles => ({ p50: (total.p50 * s) / rawTotal, p90: (total.p90 * s) / rawTotal });
  const stages: StageEstimate[] = [
    { stage: "download", bytes: img.size, seconds: part(raw.download) },
    { stage: "convert", bytes: img.diskFormat === "raw" ? 0 : img.virtualSize, seconds: part(raw.convert) },
    { stage: "import", bytes: img.virtualSize, seconds: part(raw.import) },
  ];
  return { total, stages };
}
