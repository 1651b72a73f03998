import { describe, expect, it } from "vitest";
import { STABLE_REFRESH_MS, TRANSIENT_FIRST_MS, TRANSIENT_MAX_MS, livePoll, transientDelay } from "./live";

describe("live lists", () => {
  it("backs off from 2.5 s to 30 s while a row stays transitional", () => {
    const delays = Array.from({ length: 10 }, (_, n) => transientDelay(n));
    expect(delays[0]).toBe(TRANSIENT_FIRST_MS);
    expect(delays.at(-1)).toBe(TRANSIENT_MAX_MS);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(delays.filter((d) => d === TRANSIENT_MAX_MS).length).toBeGreaterThan(1);
  });

  it("counts one query's answers since its rows turned transitional, and starts over once they settle", () => {
    const q = { state: { dataUpdateCount: 4 } };
    expect(livePoll(q, false)).toBe(STABLE_REFRESH_MS);
    expect(livePoll(q, true)).toBe(transientDelay(0));
    q.state.dataUpdateCount = 5;
    expect(livePoll(q, true)).toBe(transientDelay(1));
    q.state.dataUpdateCount = 7;
    expect(livePoll(q, true)).toBe(transientDelay(3));
    q.state.dataUpdateCount = 8;
    expect(livePoll(q, false)).toBe(STABLE_REFRESH_MS);
    q.state.dataUpdateCount = 9;
    expect(livePoll(q, true)).toBe(TRANSIENT_FIRST_MS);
  });

  it("keeps each query's backoff to itself", () => {
    const a = { state: { dataUpdateCount: 1 } };
    const b = { state: { dataUpdateCount: 1 } };
    livePoll(a, true);
    a.state.dataUpdateCount = 4;
    expect(livePoll(a, true)).toBe(transientDelay(3));
    expect(livePoll(b, true)).toBe(TRANSIENT_FIRST_MS);
  });
});
