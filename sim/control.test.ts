import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSim } from "./index";

const tmpDb = () => join(mkdtempSync(join(tmpdir(), "zenith-ctl-")), "sim.sqlite");

describe("/_sim controls", () => {
  it("are off unless SIM_CONTROLS=1", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: tmpDb(), controls: false } });
    try {
      const res = await fetch(`${sim.url}/_sim/reset`, { method: "POST" });
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatch(/SIM_CONTROLS=1/);
    } finally { await sim.close(); }
  });

  it("reset, time scale and fault injection work for a loopback caller, and reject bad input", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: tmpDb(), controls: true, timeScale: 1 } });
    const post = (path: string, body: unknown) => fetch(`${sim.url}/_sim${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    try {
      expect((await post("/time-scale", { scale: 0.5 })).status).toBe(200);
      expect(sim.state.clock.scale()).toBe(0.5);
      expect((await post("/time-scale", { scale: -1 })).status).toBe(400);
      expect((await post("/reset", { scenario: "nope" })).status).toBe(400);
      expect((await post("/fault", { service: "identity", mode: "503", count: 1 })).status).toBe(200);
      expect((await fetch(`${sim.url}/identity/v3`)).status).toBe(503);
      expect((await fetch(`${sim.url}/identity/v3`)).status).toBe(200);
      expect((await post("/fault", { service: "identity", mode: "explode" })).status).toBe(400);
      expect((await post("/reset", { scenario: "default" })).status).toBe(200);
    } finally { await sim.close(); }
  });
});
