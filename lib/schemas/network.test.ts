import { describe, expect, it } from "vitest";
import { cidrProblem, parseIpv4Cidr } from "./cidr";
import { NetworkCreateFields } from "./network";
import { KeypairCreateFields } from "./keypair";

const codes = (r: { error?: { issues: { path: PropertyKey[]; params?: unknown }[] } }) =>
  r.error?.issues.map((i) => [i.path.join("."), (i.params as { code?: string } | undefined)?.code]);

describe("CIDR checks", () => {
  it("canonicalises and spots host bits", () => {
    expect(parseIpv4Cidr("10.1.2.3/24")).toMatchObject({ canonical: "10.1.2.0/24", hostBits: true, size: 256 });
    expect(cidrProblem("10.1.2.0/24")).toBeNull();
    expect(cidrProblem("10.1.2.3/24")).toBe("cidr_host_bits");
    expect(cidrProblem("10.1.2.0/31", 30)).toBe("cidr_too_small");
    for (const bad of ["10.1.2/24", "300.1.2.0/24", "10.1.2.0/33", "10.1.2.0", "010.1.2.0/24", "x"])
      expect(cidrProblem(bad), bad).toBe("cidr_invalid");
  });
});

describe("the network form's schema", () => {
  it("names the field and the rule", () => {
    expect(codes(NetworkCreateFields.safeParse({ name: "n", subnet: { cidr: "10.0.0.9/24" } }))).toEqual([
      ["subnet.cidr", "cidr_host_bits"],
    ]);
    expect(codes(NetworkCreateFields.safeParse({ name: "n", subnet: { cidr: "10.0.0.0/24", gatewayIp: "10.0.1.1" } }))).toEqual([
      ["subnet.gatewayIp", "ip_outside_cidr"],
    ]);
    expect(NetworkCreateFields.safeParse({ name: "n", subnet: { cidr: "10.0.0.0/24" } }).data).toEqual({
      name: "n",
      adminStateUp: true,
      subnet: { name: "", cidr: "10.0.0.0/24", enableDhcp: true },
    });
  });
  it("checks a key pair's name and public key", () => {
    expect(codes(KeypairCreateFields.safeParse({ name: "a/b" }))).toEqual([["name", "keypair_name_chars"]]);
    expect(codes(KeypairCreateFields.safeParse({ name: "k", publicKey: "hello" }))).toEqual([["publicKey", "public_key_invalid"]]);
    expect(KeypairCreateFields.safeParse({ name: "k", publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me" }).success).toBe(true);
  });
});
