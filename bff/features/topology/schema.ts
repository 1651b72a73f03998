import { z } from "@hono/zod-openapi";

export const TopologyNodeSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["external", "network", "router", "instance"]),
    name: z.string(),
    detail: z.string().openapi({ description: "CIDRs of a network, gateway address of a router, status of an instance" }),
    x: z.number().openapi({ description: "Centre of the node in the laid-out graph (dagre, left to right)" }),
    y: z.number(),
  })
  .openapi("TopologyNode");

export const TopologyEdgeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    kind: z.enum(["gateway", "interface", "port"]),
    label: z.string().openapi({ description: "The address on the link" }),
    points: z.array(z.object({ x: z.number(), y: z.number() })).openapi({ description: "The drawn line" }),
  })
  .openapi("TopologyEdge");

export const TopologySchema = z
  .object({ width: z.number(), height: z.number(), nodes: z.array(TopologyNodeSchema), edges: z.array(TopologyEdgeSchema) })
  .openapi("Topology");

export type Topology = z.infer<typeof TopologySchema>;
export type TopologyNode = z.infer<typeof TopologyNodeSchema>;
