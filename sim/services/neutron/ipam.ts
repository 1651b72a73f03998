import type { AllocationPool } from "./model";

/** IPv4 address management for subnets: defaults as Neutron computes them, and next-free allocation. */
export const ipToInt = (ip: string): number => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
export const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

export interface Cidr {
  network: number;
  prefix: number;
  size: number;
}

export function parseCidr(cidr: string): Cidr | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) return null;
  const prefix = Number(m[5]);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(ipToInt(m.slice(1, 5).join(".")) / size) * size;
  return { network, prefix, size };
}

/** The canonical form Neutron stores (host bits cleared). */
export const canonicalCidr = (c: Cidr): string => `${intToIp(c.network)}/${c.prefix}`;

/** Neutron's defaults: gateway = first host; one pool from the next address to the last before broadcast. */
export function defaultGateway(c: Cidr): string | null {
  return c.size >= 4 ? intToIp(c.network + 1) : null;
}

export function defaultPools(c: Cidr, gateway: string | null): AllocationPool[] {
  if (c.size < 4) return [];
  const first = c.network + 1,
    last = c.network + c.size - 2;
  const gw = gateway ? ipToInt(gateway) : -1;
  if (gw === first) return [{ start: intToIp(first + 1), end: intToIp(last) }];
  if (gw === last) return [{ start: intToIp(first), end: intToIp(last - 1) }];
  if (gw > first && gw < last)
    return [
      { start: intToIp(first), end: intToIp(gw - 1) },
      { start: intToIp(gw + 1), end: intToIp(last) },
    ];
  return [{ start: intToIp(first), end: intToIp(last) }];
}

export function inCidr(ip: string, c: Cidr): boolean {
  const n = ipToInt(ip);
  return n >= c.network && n < c.network + c.size;
}

/** The lowest address of the pools not in `used`, or null when the subnet is full. */
export function nextFreeIp(pools: AllocationPool[], used: ReadonlySet<string>): string | null {
  for (const p of pools) {
    for (let n = ipToInt(p.start); n <= ipToInt(p.end); n++) {
      const ip = intToIp(n);
      if (!used.has(ip)) return ip;
    }
  }
  return null;
}
