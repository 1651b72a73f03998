import { describe, expect, it } from "vitest";
import type { NovaInterface } from "../../openstack/nova";
import { MAX_NETWORK_LOOKUPS, networksToLookUp, toPortRows } from "./instance-ports";

const iface = (port: string, net: string, ips: string[] = ["10.0.0.5"]): NovaInterface => ({
  port_id: port,
  net_id: net,
  mac_addr: "fa:16:3e:00:00:01",
  port_state: "ACTIVE",
  fixed_ips: ips.map((ip_address) => ({ subnet_id: "sub", ip_address })),
});

describe("toPortRows", () => {
  it("names the port and its network from Neutron's answers", () => {
    const rows = toPortRows([iface("p1", "n1")], { ports: new Map([["p1", "web-nic"]]), networks: new Map([["n1", "demo-net"]]) });
    expect(rows).toEqual([
      {
        portId: "p1",
        networkId: "n1",
        mac: "fa:16:3e:00:00:01",
        state: "ACTIVE",
        fixedIps: ["10.0.0.5"],
        name: "web-nic",
        networkName: "demo-net",
        networkNameKnown: true,
      },
    ]);
  });

  it("tells an unnamed network (known, no name) from one whose lookup failed (unknown)", () => {
    const rows = toPortRows([iface("p1", "n1"), iface("p2", "n2")], { ports: new Map(), networks: new Map([["n1", ""]]) });
    expect(rows.map((r) => [r.networkName, r.networkNameKnown])).toEqual([
      [null, true],
      [null, false],
    ]);
  });

  it("leaves port names null when unnamed or when the port lookup failed", () => {
    const names = { networks: new Map<string, string>() };
    expect(toPortRows([iface("p1", "n1")], { ...names, ports: new Map([["p1", ""]]) })[0]!.name).toBeNull();
    expect(toPortRows([iface("p1", "n1")], { ...names, ports: null })[0]!.name).toBeNull();
  });
});

describe("networksToLookUp", () => {
  it("asks once per distinct network, in order", () => {
    expect(networksToLookUp([iface("p1", "a"), iface("p2", "b"), iface("p3", "a")])).toEqual(["a", "b"]);
  });

  it("is bounded", () => {
    const many = Array.from({ length: MAX_NETWORK_LOOKUPS + 5 }, (_, i) => iface(`p${i}`, `n${i}`));
    expect(networksToLookUp(many)).toHaveLength(MAX_NETWORK_LOOKUPS);
  });
});
