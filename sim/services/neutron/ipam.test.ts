import { describe, expect, it } from "vitest";
import { canonicalCidr, defaultGateway, defaultPools, inCidr, nextFreeIp, parseCidr } from "./ipam";

describe("ipam", () => {
  const c = parseCidr("21.49.16.0/24")!;
  it("parses and canonicalises a CIDR", () => {
    expect(canonicalCidr(parseCidr("10.0.0.7/24")!)).toBe("10.0.0.0/24");
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("nope")).toBeNull();
  });
  it("defaults the gateway to the first host and the pool to the rest", () => {
    expect(defaultGateway(c)).toBe("21.49.16.1");
    expect(defaultPools(c, "21.49.16.1")).toEqual([{ start: "21.49.16.2", end: "21.49.16.254" }]);
    expect(defaultPools(c, "21.49.16.100")).toEqual([
      { start: "21.49.16.1", end: "21.49.16.99" },
      { start: "21.49.16.101", end: "21.49.16.254" },
    ]);
  });
  it("allocates the lowest free address and reports exhaustion", () => {
    const pools = [{ start: "10.0.0.2", end: "10.0.0.3" }];
    expect(nextFreeIp(pools, new Set())).toBe("10.0.0.2");
    expect(nextFreeIp(pools, new Set(["10.0.0.2"]))).toBe("10.0.0.3");
    expect(nextFreeIp(pools, new Set(["10.0.0.2", "10.0.0.3"]))).toBeNull();
    expect(inCidr("21.49.16.9", c)).toBe(true);
    expect(inCidr("21.49.17.9", c)).toBe(false);
  });
});
