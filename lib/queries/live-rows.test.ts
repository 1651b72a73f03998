import { describe, expect, it } from "vitest";
import { STABLE_REFRESH_MS, TRANSIENT_FIRST_MS, transientDelay } from "./live";
import { listPoll, mergeLiveRows, rowPoll, rowsToPoll } from "./live-rows";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("rows polled one by one", () => {
  it("polls only the transitional rows, and not those stuck past the bound", () => {
    const items = [
      { id: "a", transient: true, created: ago(1_000) },
      { id: "b", transient: false, created: ago(1_000) },
      { id: "c", transient: true, created: ago(20 * 60_000) },
      { id: "d", transient: true },
    ];
    expect(rowsToPoll(items, NOW)).toEqual(["a", "c", "d"]);
    expect(rowsToPoll(items, NOW, 15 * 60_000)).toEqual(["a", "d"]);
    expect(rowsToPoll(undefined, NOW)).toEqual([]);
  });

  it("replaces a polled row, drops a row whose GET answered 404, keeps the order", () => {
    const items = [
      { id: "a", transient: true, name: "old" },
      { id: "b", transient: false, name: "b" },
      { id: "c", transient: true, name: "c" },
    ];
    const polled = new Map([
      ["a", { row: { id: "a", transient: false, name: "new" } }],
      ["c", { gone: true as const }],
    ]);
    expect(mergeLiveRows(items, polled)).toEqual([
      { id: "a", transient: false, name: "new" },
      { id: "b", transient: false, name: "b" },
    ]);
    expect(mergeLiveRows(items, new Map())).toBe(items);
  });

  it("backs a row's poll off from 2.5 s to 30 s while it stays transitional, and stops once it settles", () => {
    const q: { state: { dataUpdateCount: number; data?: { id: string; transient: boolean } } } = {
      state: { dataUpdateCount: 0, data: { id: "a", transient: true } },
    };
    const seen: (number | false)[] = [];
    for (let n = 0; n < 12; n++) {
      q.state.dataUpdateCount = n;
      seen.push(rowPoll(q));
    }
    expect(seen[0]).toBe(TRANSIENT_FIRST_MS);
    expect(seen[1]).toBe(transientDelay(1));
    expect(seen.at(-1)).toBe(30_000);
    for (let i = 1; i < seen.length; i++) expect(seen[i] as number).toBeGreaterThanOrEqual(seen[i - 1] as number);
    q.state.data = { id: "a", transient: false };
    expect(rowPoll(q)).toBe(false);
  });

  it("refreshes the list slowly while rows are polled one by one; the list itself backs off when they cannot be", () => {
    const q = { state: { dataUpdateCount: 3 } };
    expect(listPoll(q, 2, true)).toBe(STABLE_REFRESH_MS);
    expect(listPoll(q, 0, false)).toBe(STABLE_REFRESH_MS);
    const r = { state: { dataUpdateCount: 3 } };
    expect(listPoll(r, 2, false)).toBe(TRANSIENT_FIRST_MS);
    r.state.dataUpdateCount = 4;
    expect(listPoll(r, 2, false)).toBe(transientDelay(1));
  });
});
