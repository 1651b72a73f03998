import type { InstancePortRow } from "@/lib/queries/instance-ops";

/** How the UI names a port without its id: its name, else its fixed IPs, else its MAC. */
export const portLabel = (p: Pick<InstancePortRow, "name" | "fixedIps" | "mac">): string => p.name || p.fixedIps.join(", ") || p.mac;
