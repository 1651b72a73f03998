import { z } from "zod";
import { cidrProblem, ipv4InCidr, ipv4ToInt, parseIpv4Cidr } from "./cidr";

/**
 * The networking forms' requests, one schema each for the form and the BFF route (bff/features/networks adds the
 * OpenAPI names). Messages are English reasons for the BFF's 400; the forms show each issue's code at its field.
 */
export const ResourceName = z.string().trim().max(255, "at most 255 characters");
const Uuid = z.string().regex(/^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$/, "must be an id");

const CIDR_MESSAGES = {
  cidr_invalid: "must be an IPv4 CIDR such as 10.0.0.0/24",
  cidr_host_bits: "has host bits set",
  cidr_too_small: "must be /30 or larger to hold a gateway and an address",
} as const;

/** A subnet's CIDR: IPv4, no host bits, /30 or larger. */
export const SubnetCidr = z.string().superRefine((v, ctx) => {
  const p = cidrProblem(v, 30);
  if (!p) return;
  const canonical = parseIpv4Cidr(v)?.canonical;
  const hint = p === "cidr_host_bits" && canonical ? `; did you mean ${canonical}?` : "";
  ctx.addIssue({ code: "custom", message: `${CIDR_MESSAGES[p]}${hint}`, params: { code: p, canonical } });
});

/** Any IPv4 CIDR (a security-group rule's remote prefix, 0.0.0.0/0 included). */
export const RemoteCidr = z.string().superRefine((v, ctx) => {
  const p = cidrProblem(v);
  if (!p) return;
  const canonical = parseIpv4Cidr(v)?.canonical;
  ctx.addIssue({ code: "custom", message: CIDR_MESSAGES[p], params: { code: p, canonical } });
});

export const SubnetFields = z
  .object({
    name: ResourceName.default(""),
    cidr: SubnetCidr,
    gatewayIp: z.string().trim().optional().describe("Empty: the first address of the CIDR"),
    enableDhcp: z.boolean().default(true),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.gatewayIp) return;
    const c = parseIpv4Cidr(s.cidr);
    if (ipv4ToInt(s.gatewayIp) === null)
      ctx.addIssue({ code: "custom", path: ["gatewayIp"], message: "must be an IPv4 address", params: { code: "ip_invalid" } });
    else if (c && !ipv4InCidr(s.gatewayIp, c))
      ctx.addIssue({ code: "custom", path: ["gatewayIp"], message: "must lie inside the CIDR", params: { code: "ip_outside_cidr" } });
  });

/** Create a network with (optionally) its first subnet, in one form. */
export const NetworkCreateFields = z
  .object({
    name: ResourceName.min(1, "is required"),
    adminStateUp: z.boolean().default(true),
    subnet: SubnetFields.optional(),
  })
  .strict();

export const PortCreateFields = z
  .object({
    name: ResourceName.default(""),
    subnetId: Uuid.optional(),
    ipAddress: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || ipv4ToInt(v) !== null, { message: "must be an IPv4 address", params: { code: "ip_invalid" } }),
  })
  .strict();

export const RouterCreateFields = z
  .object({
    name: ResourceName.min(1, "is required"),
    externalNetworkId: Uuid.optional().describe("Set the gateway on this external network at once"),
  })
  .strict();

export const RouterGatewayFields = z.object({ externalNetworkId: Uuid.nullable().describe("null clears the gateway") }).strict();

export const RouterInterfaceFields = z.object({ subnetId: Uuid }).strict();

export const FloatingIpAllocateFields = z
  .object({ externalNetworkId: Uuid, portId: Uuid.optional(), description: z.string().max(255).default("") })
  .strict();

export const FloatingIpAssociateFields = z.object({ portId: Uuid.nullable().describe("null disassociates") }).strict();

export type NetworkCreateInput = z.input<typeof NetworkCreateFields>;
export type SubnetInput = z.input<typeof SubnetFields>;
export type RouterCreateInput = z.input<typeof RouterCreateFields>;
