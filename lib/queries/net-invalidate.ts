import type { QueryClient } from "@tanstack/react-query";

/**
 * Networking resources change each other (a router interface is a port of a network, a floating IP needs a router):
 * every networking mutation invalidates all their lists by prefix.
 */
export const NET_PREFIXES = [["networks"], ["routers"], ["floating-ips"], ["topology"], ["security-groups"]] as const;

export const invalidateNetworking = (qc: QueryClient) => Promise.all(NET_PREFIXES.map((queryKey) => qc.invalidateQueries({ queryKey })));
