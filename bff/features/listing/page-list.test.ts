import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { pageLocally, upstreamCanServe, type ListParams } from "./page-list";

type Row = { id: string; name: string | null; size: number };
const rows: Row[] = [
  { id: "a", name: "web-10", size: 3 },
  { id: "b", name: "web-2", size: 1 },
  { id: "c", name: null, size: 2 },
  { id: "d", name: "DB-1", size: 2 },
];
const how = { text: (r: Row) => [r.name, r.id], sortBy: { name: (r: Row) => r.name, size: (r: Row) => r.size } };
const p = (o: Partial<ListParams<"name" | "size">>): ListParams<"name" | "size"> => ({ limit: 10, sort: "name", dir: "asc", ...o });

describe("pageLocally", () => {
  it("sorts naturally and case-insensitively, nulls last in both directions", () => {
    expect(pageLocally(rows, p({}), how, false).items.map((r) => r.id)).toEqual(["d", "b", "a", "c"]);
    expect(pageLocally(rows, p({ dir: "desc" }), how, false).items.map((r) => r.id)).toEqual(["a", "b", "d", "c"]);
  });

  it("breaks ties on id so pages never overlap", () => {
    expect(pageLocally(rows, p({ sort: "size" }), how, false).items.map((r) => r.id)).toEqual(["b", "c", "d", "a"]);
  });

  it("pages with the last id as marker, like the services", () => {
    const first = pageLocally(rows, p({ limit: 2 }), how, false);
    expect(first).toMatchObject({ nextMarker: "b", mode: "scanned", truncated: false });
    const second = pageLocally(rows, p({ limit: 2, marker: first.nextMarker! }), how, false);
    expect(second.items.map((r) => r.id)).toEqual(["a", "c"]);
    expect(second.nextMarker).toBeNull();
  });

  it("searches name and id case-insensitively", () => {
    expect(pageLocally(rows, p({ search: "WEB" }), how, true).items.map((r) => r.id)).toEqual(["b", "a"]);
    expect(pageLocally(rows, p({ search: "web" }), how, true).truncated).toBe(true);
  });

  it("rejects a marker that is not in the list, naming the field", () => {
    expect(() => pageLocally(rows, p({ marker: "zz" }), how, false)).toThrowError(ApiError);
    expect(() => pageLocally(rows, p({ marker: "zz" }), how, false)).toThrow(/^marker:/);
  });
});

describe("upstreamCanServe", () => {
  it("only without a search and in an order the service sorts by", () => {
    expect(upstreamCanServe(p({ sort: "name", dir: "asc" }), ["name:asc"])).toBe(true);
    expect(upstreamCanServe(p({ sort: "name", dir: "desc" }), ["name:asc"])).toBe(false);
    expect(upstreamCanServe(p({ search: "x" }), ["name:asc"])).toBe(false);
  });
});
