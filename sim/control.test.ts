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
    } finally {
      await sim.close();
    }
  });

  it("reset, time scale and fault injection work for a loopback caller, and reject bad input", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: tmpDb(), controls: true, timeScale: 1 } });
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}/_sim${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    try {
      expect((await post("/time-scale", { scale: 0.5 })).status).toBe(200);
      expect(sim.state.clock.scale()).toBe(0.5);
      expect((await post("/time-scale", { scale: -1 })).status).toBe(400);
      expect((await post("/reset", { scenario: "nope" })).status).toBe(400);
      expect((await post("/fault", { service: "identity", mode: "503", count: 1 })).status).toBe(200);
      expect((await fetch(`${sim.url}/identity/v3`)).status).toBe(503);
      expect((await fetch(`${sim.url}/identity/v3`)).status).toBe(200);
      // One request takes one fault, at the service's bare path too.
      expect((await post("/fault", { service: "identity", mode: "503", count: 2 })).status).toBe(200);
      expect((await fetch(`${sim.url}/identity`)).status).toBe(503);
      expect((await fetch(`${sim.url}/identity`)).status).toBe(503);
      expect((await fetch(`${sim.url}/identity`)).status).not.toBe(503);
      expect((await post("/fault", { service: "identity", mode: "explode" })).status).toBe(400);
      expect((await post("/reset", { scenario: "default" })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it("fault modes answer like the real service: down drops the connection, 500/503 carry request ids and Retry-After, a method/path fault can act first", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: tmpDb(), controls: true, timeScale: 1 } });
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}/_sim${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    try {
      await post("/fault", { service: "networking", mode: "down" });
      const down = await fetch(`${sim.url}/networking/v2.0/networks`).catch((e) => e);
      expect(down).toBeInstanceOf(TypeError);
      expect((await fetch(`${sim.url}/identity/v3`)).status).toBe(200); // the other services still answer
      await fetch(`${sim.url}/_sim/fault?service=networking`, { method: "DELETE" });
      expect((await fetch(`${sim.url}/networking/`)).status).toBe(200);

      await post("/fault", { service: "compute", mode: "503", retryAfterS: 9, count: 1 });
      const busy = await fetch(`${sim.url}/compute/v2.1/`);
      expect(busy.status).toBe(503);
      expect(busy.headers.get("retry-after")).toBe("9");
      expect(busy.headers.get("x-compute-request-id")).toMatch(/^req-[0-9a-f-]{36}$/);
      expect(await busy.json()).toMatchObject({ serviceUnavailable: { code: 503 } });
      await post("/fault", { service: "image", mode: "500", count: 1 });
      const boom = await fetch(`${sim.url}/image/v2/images`);
      expect([boom.status, boom.headers.get("content-type")]).toEqual([500, "text/html; charset=UTF-8"]);
      expect(boom.headers.get("x-openstack-request-id")).toMatch(/^req-/);

      // Only POST .../servers, after Keystone's own requests pass: the filter does not consume a use.
      await post("/fault", { service: "identity", mode: "500", method: "POST", path: "^/v3/nothing$", count: 1 });
      expect((await fetch(`${sim.url}/identity/v3`)).status).toBe(200);
      expect(sim.state.faults.list()).toHaveLength(1);
      expect((await post("/fault", { service: "identity", mode: "500", phase: "later" })).status).toBe(400);
      expect((await post("/fault", { service: "identity", mode: "500", path: "(" })).status).toBe(400);
    } finally {
      await sim.close();
    }
  });

  it("refuse changes that are not application/json or that come from a foreign Origin", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: tmpDb(), controls: true, timeScale: 1 } });
    const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
      fetch(`${sim.url}/_sim${path}`, { method, headers, body });
    const json = { "content-type": "application/json" };
    try {
      // What a web page can send without a preflight: a form post, text/plain, no type at all. (DELETE needs a
      // preflight, which the sim never grants, so it carries no type.)
      expect((await send("POST", "/time-scale", { "content-type": "application/x-www-form-urlencoded" }, "scale=7")).status).toBe(415);
      expect((await send("POST", "/time-scale", { "content-type": "text/plain" }, JSON.stringify({ scale: 7 }))).status).toBe(415);
      expect((await send("POST", "/reset", {})).status).toBe(415);
      // JSON from another site's page (the browser names it in Origin).
      const foreign = await send("POST", "/time-scale", { ...json, origin: "https://evil.example" }, JSON.stringify({ scale: 7 }));
      expect(foreign.status).toBe(403);
      expect((await foreign.json()).error).toMatch(/evil\.example/);
      expect((await send("GET", "/state", { origin: "https://evil.example" })).status).toBe(403);
      expect(sim.state.clock.scale()).toBe(1);
      // Tests and the e2e fixtures: JSON with no Origin, or a loopback one.
      expect((await send("POST", "/time-scale", json, JSON.stringify({ scale: 2 }))).status).toBe(200);
      expect((await send("POST", "/time-scale", { ...json, origin: "http://127.0.0.1:3100" }, JSON.stringify({ scale: 3 }))).status).toBe(
        200,
      );
      expect((await send("DELETE", "/fault", {})).status).toBe(200);
      expect((await send("GET", "/state", {})).status).toBe(200);
      expect(sim.state.clock.scale()).toBe(3);
    } finally {
      await sim.close();
    }
  });

  it("count the requests each service answered, once each, until reset", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: tmpDb(), controls: true, timeScale: 1 } });
    const counts = async () => (await (await fetch(`${sim.url}/_sim/requests`)).json()) as Record<string, unknown>;
    try {
      await fetch(`${sim.url}/_sim/requests`, { method: "DELETE" });
      await fetch(`${sim.url}/identity/v3`);
      await fetch(`${sim.url}/identity`);
      await fetch(`${sim.url}/compute/v2.1/servers`);
      await fetch(`${sim.url}/`);
      expect(await counts()).toEqual({
        byService: { compute: 1, identity: 2 },
        byRequest: { "compute GET /v2.1/servers": 1, "identity GET /": 1, "identity GET /v3": 1 },
        total: 3,
      });
      await fetch(`${sim.url}/_sim/requests`, { method: "DELETE" });
      expect(await counts()).toEqual({ byService: {}, byRequest: {}, total: 0 });
    } finally {
      await sim.close();
    }
  });
});
