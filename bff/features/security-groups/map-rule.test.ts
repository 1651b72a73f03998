import { describe, expect, it } from "vitest";
import { SecurityGroupRuleFields } from "../../../lib/schemas/security-group";
import { toNeutronRule } from "./map-rule";

const parse = (r: unknown) => SecurityGroupRuleFields.parse(r);

describe("toNeutronRule", () => {
  it("maps a TCP range from a CIDR", () => {
    expect(
      toNeutronRule(
        "sg",
        parse({ direction: "ingress", protocol: "tcp", portMin: 22, portMax: 22, remote: { kind: "cidr", cidr: "10.0.0.0/8" } }),
      ),
    ).toEqual({
      security_group_id: "sg",
      direction: "ingress",
      ethertype: "IPv4",
      protocol: "tcp",
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: "10.0.0.0/8",
    });
  });
  it("maps any protocol from a group, with no ports", () => {
    expect(toNeutronRule("sg", parse({ direction: "egress", protocol: "any", remote: { kind: "group", groupId: "g2" } }))).toEqual({
      security_group_id: "sg",
      direction: "egress",
      ethertype: "IPv4",
      protocol: null,
      port_range_min: null,
      port_range_max: null,
      remote_group_id: "g2",
    });
  });
});

describe("the rule schema refuses at the field", () => {
  const issues = (r: unknown) =>
    SecurityGroupRuleFields.safeParse(r).error?.issues.map((i) => [i.path.join("."), (i as { params?: { code?: string } }).params?.code]);
  it("a reversed range, a half range, ports without protocol, host bits in the CIDR", () => {
    expect(issues({ direction: "ingress", protocol: "tcp", portMin: 90, portMax: 80 })).toEqual([["portMax", "port_range_reversed"]]);
    expect(issues({ direction: "ingress", protocol: "udp", portMin: 53, portMax: null })).toEqual([["portMax", "port_range_incomplete"]]);
    expect(issues({ direction: "ingress", protocol: "any", portMin: 1, portMax: 2 })).toEqual([["portMin", "ports_need_protocol"]]);
    expect(issues({ direction: "ingress", protocol: "tcp", remote: { kind: "cidr", cidr: "10.0.0.1/8" } })).toEqual([
      ["remote.cidr", "cidr_host_bits"],
    ]);
    expect(issues({ direction: "ingress", protocol: "icmp", portMin: 300, portMax: null })).toEqual([["portMin", "icmp_type_range"]]);
  });
  it("accepts ICMP echo and everything from anywhere", () => {
    expect(issues({ direction: "ingress", protocol: "icmp", portMin: 8, portMax: 0 })).toBeUndefined();
    expect(issues({ direction: "egress", protocol: "any" })).toBeUndefined();
  });
});
