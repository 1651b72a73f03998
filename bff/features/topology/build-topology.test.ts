import { describe, expect, it } from "vitest";
import { buildTopology } from "./build-topology";

const net = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, name: id, status: "ACTIVE", shared: false, subnets: [], admin_state_up: true, project_id: "p", ...extra }) as never;
const port = (device_id: string, device_owner: string, network_id: string, ip: string) =>
  ({
    id: `${device_id}-${network_id}`,
    name: "",
    network_id,
    device_id,
    device_owner,
    status: "ACTIVE",
    mac_address: "",
    fixed_ips: [{ subnet_id: "s", ip_address: ip }],
  }) as never;

describe("buildTopology", () => {
  const input = {
    networks: [
      net("ext", { "router:external": true, project_id: "admin" }),
      net("lan"),
      net("shared", { shared: true, project_id: "x" }),
      net("idle-ext", { "router:external": true }),
    ],
    subnets: [{ id: "s", name: "", network_id: "lan", cidr: "10.0.0.0/24", ip_version: 4, gateway_ip: "10.0.0.1" }],
    routers: [
      {
        id: "r1",
        name: "r1",
        status: "ACTIVE",
        admin_state_up: true,
        external_gateway_info: { network_id: "ext", external_fixed_ips: [{ subnet_id: "e", ip_address: "198.51.100.5" }] },
      },
    ],
    ports: [
      port("r1", "network:router_interface", "lan", "10.0.0.1"),
      port("vm1", "compute:nova", "lan", "10.0.0.7"),
      port("gone", "compute:nova", "lan", "10.0.0.9"),
    ],
    servers: [
      { id: "vm1", name: "web", status: "ACTIVE" },
      { id: "vm2", name: "offline", status: "SHUTOFF" },
    ],
  };
  const t = buildTopology(input, "p");

  it("links routers to their gateway and interfaces, and instances to their networks, with the addresses", () => {
    expect(t.edges).toEqual([
      { from: "r1", to: "ext", kind: "gateway", label: "198.51.100.5" },
      { from: "r1", to: "lan", kind: "interface", label: "10.0.0.1" },
      { from: "vm1", to: "lan", kind: "port", label: "10.0.0.7" },
    ]);
  });
  it("keeps the project's networks and the external ones it uses; leaves out unused shared/external networks and unlinked instances", () => {
    expect(t.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual(["external:ext", "network:lan", "router:r1", "instance:vm1"]);
    expect(t.nodes.find((n) => n.id === "lan")?.detail).toBe("10.0.0.0/24");
  });
});
