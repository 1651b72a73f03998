/** The protocols a security-group rule form offers ("any" is no protocol); apart from the schema, so no zod ships with it. */
export const RULE_PROTOCOLS = ["any", "tcp", "udp", "icmp"] as const;
