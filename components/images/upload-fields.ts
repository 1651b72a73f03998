import { DISK_FORMATS } from "@/lib/schemas/image-enums";

type DiskFormat = (typeof DISK_FORMATS)[number];

/** The disk format a file's extension suggests (the user can change it); raw for .img/.raw. */
export function formatFromFileName(name: string): DiskFormat | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (ext === "img" || ext === "raw") return "raw";
  return (DISK_FORMATS as readonly string[]).includes(ext) ? (ext as DiskFormat) : null;
}

/** The image name a file suggests: its name without the extension. */
export const nameFromFileName = (name: string): string => name.replace(/\.[^.]+$/, "").slice(0, 255);

/** Percent of an upload, whole, never above 100. */
export const percentOf = (loaded: number, total: number): number => (total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0);
