import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { NeutronError } from "./errors";
import { neutron, type Agent } from "./model";
import { agentAlive, agentDownMs, DHCP_AGENT, killAgent, reviveAgent } from "./agents";
import { diesAt } from "./liveness";

/**
 * /_sim/agents controls (mounted by sim/control.ts): kill or revive agents by id or by host. A kill
 * freezes the heartbeat; Neutron reports the agent dead only agent_down_time (scaled) later.
 */
export function neutronControls(state: SimState) {
  const app = new Hono();
  const summary = (a: Agent) => ({
    id: a.id,
    host: a.host,
    agent_type: a.agent_type,
    alive: agentAlive(state, a),
    killedAt: a.killed_at,
    diesAt: diesAt(a, agentDownMs(state)),
    agentDownTimeMs: agentDownMs(state),
  });
  const run = (fn: () => Agent[]) => {
    try {
      return Response.json({ agents: fn().map(summary) });
    } catch (e) {
      if (e instanceof NeutronError) return Response.json({ error: e.message }, { status: e.status });
      throw e;
    }
  };
  /** Agents on a host; agent_type defaults to the DHCP agent, "all" selects every agent there. */
  const onHost = async (req: Request): Promise<Agent[]> => {
    const body = await req.json().catch(() => ({}));
    if (typeof body?.host !== "string")
      throw new NeutronError(400, "BadRequest", "body needs host (and optionally agent_type, default 'DHCP agent', or 'all')");
    const type = body.agent_type ?? DHCP_AGENT;
    const found = neutron(state).agents.filter((a) => a.host === body.host && (type === "all" || a.agent_type === type));
    if (!found.length) throw new NeutronError(404, "AgentNotFound", `no ${type} agent on host ${body.host}`);
    return found;
  };

  app.get("/", (c) => c.json({ agents: neutron(state).agents.all().map(summary) }));
  app.post("/kill", async (c) => {
    const agents = await onHost(c.req.raw).catch((e) => e as NeutronError);
    return run(() => {
      if (agents instanceof Error) throw agents;
      return agents.map((a) => killAgent(state, a.id));
    });
  });
  app.post("/revive", async (c) => {
    const agents = await onHost(c.req.raw).catch((e) => e as NeutronError);
    return run(() => {
      if (agents instanceof Error) throw agents;
      return agents.map((a) => reviveAgent(state, a.id));
    });
  });
  app.post("/:id/kill", (c) => run(() => [killAgent(state, c.req.param("id"))]));
  app.post("/:id/revive", (c) => run(() => [reviveAgent(state, c.req.param("id"))]));
  return app;
}
