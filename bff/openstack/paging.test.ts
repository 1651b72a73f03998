import { describe, expect, it } from "vitest";
import type { Http, UpstreamRequest } from "./http";
import { listAll } from "./paging";

/** A list of `n` full documents served by limit/marker, recording each request's query. */
function fakeList(n: number) {
  const all = Array.from({ length: n }, (_, i) => ({
    id: `s${String(i).padStart(3, "0")}`,
    name: `n${i}`,
    status: "ACTIVE",
    big: "x".repeat(100),
  }));
  const asked: Record<string, unknown>[] = [];
  const http = {
    json: async (req: UpstreamRequest) => {
      const q = req.query as { limit: number; marker?: string };
      asked.push({ ...q });
      const from = q.marker ? all.findIndex((x) => x.id === q.marker) + 1 : 0;
      return { servers: all.slice(from, from + q.limit) };
    },
  } as unknown as Http;
  return { http, asked };
}
const req = { service: "compute", url: "http://nova/servers/detail", token: "t" } as UpstreamRequest;

describe("listAll", () => {
  it("keeps only what `pick` takes of each item, page by page, and still follows the raw ids", async () => {
    const { http, asked } = fakeList(25);
    const walk = await listAll(http, req, "servers", {
      limit: 10,
      maxItems: 100,
      pick: ({ id, name }: { id: string; name: string }) => ({ id, name }),
    });
    expect(walk.complete).toBe(true);
    expect(walk.items).toHaveLength(25);
    expect(walk.items[24]).toEqual({ id: "s024", name: "n24" });
    expect(asked.map((q) => q.marker)).toEqual([undefined, "s009", "s019"]);
  });

  it("stops at maxItems, picked too, and says the walk is incomplete", async () => {
    const { http } = fakeList(25);
    const walk = await listAll(http, req, "servers", { limit: 10, maxItems: 15, pick: (x: { id: string }) => x.id });
    expect(walk).toEqual({ complete: false, items: Array.from({ length: 15 }, (_, i) => `s${String(i).padStart(3, "0")}`) });
  });
});
