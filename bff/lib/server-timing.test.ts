import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createHttp } from "../openstack/http";
import { parseServerTiming, serverTiming, unionMs } from "./server-timing";

describe("unionMs", () => {
  it("counts overlapping waits once and disjoint ones apart", () => {
    expect(unionMs([])).toBe(0);
    expect(
      unionMs([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 20, end: 25 },
      ]),
    ).toBe(20);
    expect(
      unionMs([
        { start: 20, end: 25 },
        { start: 0, end: 30 },
      ]),
    ).toBe(30);
  });
});

describe("Server-Timing", () => {
  it("splits the BFF's own time from each upstream service's wait, with call counts", async () => {
    let n = 0;
    const fetch = (async () => {
      n++;
      await new Promise((r) => setTimeout(r, 20));
      return new Response(JSON.stringify({ n }), { status: 200 });
    }) as typeof globalThis.fetch;
    const seen: string[] = [];
    const http = createHttp({ fetch, timeoutMs: 1000, onCall: (c) => seen.push(c.service) });
    const app = new Hono();
    app.use("*", serverTiming());
    app.get("/x", async (c) => {
      await Promise.all([
        http.json({ service: "compute", url: "http://127.0.0.1:1/a" }),
        http.json({ service: "compute", url: "http://127.0.0.1:1/b" }),
      ]);
      await http.json({ service: "image", url: "http://127.0.0.1:1/c" });
      return c.json({ ok: true });
    });
    app.get("/none", (c) => c.json({ ok: true }));
    const res = await app.request("/x");
    const t = parseServerTiming(res.headers.get("Server-Timing"));
    expect(seen).toEqual(["compute", "compute", "image"]);
    expect(t.compute.desc).toBe("2 calls");
    expect(t.image.desc).toBe("1 call");
    // Two parallel calls of ~20 ms wait ~20 ms, not 40: the wait never exceeds the answer's total.
    expect(t.compute.dur + t.image.dur + t.bff.dur).toBeCloseTo(t.total.dur, 0);
    expect(t.compute.dur).toBeLessThanOrEqual(t.total.dur);
    const bare = parseServerTiming((await app.request("/none")).headers.get("Server-Timing"));
    expect(Object.keys(bare).sort()).toEqual(["bff", "total"]);
  });
});
