/**
 * IPv4 CIDR checks shared by the network and security-group forms and the BFF. Neutron refuses a CIDR with host bits
 * set ("did you mean …?"), so the form says so at the field, with the canonical form to use.
 */
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function ipv4ToInt(ip: string): number | null {
  const m = V4.exec(ip);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255) || m.slice(1).some((x) => x.length > 1 && x.startsWith("0"))) return null;
  return ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3];
}
const intToIpv4 = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

export interface ParsedCidr {
  network: number;
  prefix: number;
  size: number;
  canonical: string;
  /** True when the address has host bits set (10.0.0.1/24). */
  hostBits: boolean;
}

export function parseIpv4Cidr(text: string): ParsedCidr | null {
  const [ip, p, extra] = text.trim().split("/");
  if (extra !== undefined || p === undefined || !/^\d{1,2}$/.test(p)) return null;
  const prefix = Number(p);
  const addr = ipv4ToInt(ip);
  if (addr === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  const network = Math.floor(addr / size) * size;
  return { network, prefix, size, canonical: `${intToIpv4(network)}/${prefix}`, hostBits: network !== addr };
}

export const ipv4InCidr = (ip: string, c: ParsedCidr): boolean => {
  const n = ipv4ToInt(ip);
  return n !== null && n >= c.network && n < c.network + c.size;
};

/** A reason code for a CIDR the forms refuse, or null when it is fine. `maxPrefix` bounds subnets (room for hosts). */
export function cidrProblem(text: string, maxPrefix = 32): "cidr_invalid" | "cidr_host_bits" | "cidr_too_small" | null {
  const c = parseIpv4Cidr(text);
  if (!c) return "cidr_invalid";
  if (c.hostBits) return "cidr_host_bits";
  if (c.prefix > maxPrefix) return "cidr_too_small";
  return null;
}
