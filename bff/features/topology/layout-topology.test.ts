import { describe, expect, it } from "vitest";
import { layoutTopology, NODE_W } from "./layout-topology";

describe("layoutTopology", () => {
  it("places nodes left to right from the external network to the instance, with a line per edge", async () => {
    const t = await layoutTopology({
      nodes: [
        { id: "ext", kind: "external", name: "public", detail: "" },
        { id: "r", kind: "router", name: "r", detail: "" },
        { id: "lan", kind: "network", name: "lan", detail: "" },
        { id: "vm", kind: "instance", name: "vm", detail: "" },
      ],
      edges: [
        { from: "r", to: "ext", kind: "gateway", label: "" },
        { from: "r", to: "lan", kind: "interface", label: "" },
        { from: "vm", to: "lan", kind: "port", label: "" },
      ],
    });
    const x = Object.fromEntries(t.nodes.map((n) => [n.id, n.x]));
    expect(x.ext).toBeLessThan(x.r);
    expect(x.r).toBeLessThan(x.lan);
    expect(x.lan).toBeLessThan(x.vm);
    expect(t.width).toBeGreaterThanOrEqual(4 * NODE_W);
    expect(t.edges.every((e) => e.points.length >= 2)).toBe(true);
  });
});
