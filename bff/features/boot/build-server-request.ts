import type { BootChoices } from "./schema";

export interface BlockDeviceMapping {
  boot_index: number;
  uuid: string;
  source_type: "image" | "volume" | "snapshot";
  destination_type: "volume" | "local";
  volume_size?: number;
  volume_type?: string;
  delete_on_termination: boolean;
}

export interface ServerCreateBody {
  server: {
    name: string;
    flavorRef: string;
    imageRef?: string;
    block_device_mapping_v2?: BlockDeviceMapping[];
    networks: { uuid: string }[] | "none";
    security_groups?: { name: string }[];
    key_name?: string;
    min_count: number;
    max_count: number;
    metadata: Record<string, string>;
  };
}

export interface BuildInput {
  name: string;
  choices: BootChoices & { flavorId: string };
  /** Volume size the plan settled on (the requested size, or the minimum). */
  volumeSizeGiB: number | null;
  /** The source image is a volume-backed instance snapshot: Nova expands its block_device_mapping itself. */
  volumeBackedSnapshot: boolean;
  /** Recorded on the server so progress can be read back after a BFF restart. */
  metadata: Record<string, string>;
}

/**
 * Nova's POST /servers body. Boot-from-volume uses block_device_mapping_v2 with an integer boot_index and
 * no imageRef; image-to-local uses the plain imageRef form.
 */
export function buildServerRequest(inp: BuildInput): ServerCreateBody {
  const ch = inp.choices;
  const bdm = (m: Omit<BlockDeviceMapping, "boot_index" | "delete_on_termination">): BlockDeviceMapping[] => [
    { boot_index: 0, ...m, delete_on_termination: ch.deleteOnTermination },
  ];
  const sized = inp.volumeSizeGiB !== null ? { volume_size: inp.volumeSizeGiB } : {};
  const typed = ch.volumeType ? { volume_type: ch.volumeType } : {};
  const server: ServerCreateBody["server"] = {
    name: inp.name,
    flavorRef: ch.flavorId,
    networks: ch.networkIds.length ? ch.networkIds.map((uuid) => ({ uuid })) : "none",
    min_count: ch.count,
    max_count: ch.count,
    metadata: inp.metadata,
  };
  const { type, id } = ch.source;
  if (type === "volume") server.block_device_mapping_v2 = bdm({ uuid: id, source_type: "volume", destination_type: "volume" });
  else if (type === "volume-snapshot")
    server.block_device_mapping_v2 = bdm({ uuid: id, source_type: "snapshot", destination_type: "volume", ...sized, ...typed });
  else if (inp.volumeBackedSnapshot) server.imageRef = id;
  else if (ch.createVolume)
    server.block_device_mapping_v2 = bdm({ uuid: id, source_type: "image", destination_type: "volume", ...sized, ...typed });
  else server.imageRef = id;
  if (ch.securityGroups.length) server.security_groups = ch.securityGroups.map((name) => ({ name }));
  if (ch.keyName) server.key_name = ch.keyName;
  return { server };
}
