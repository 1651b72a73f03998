import { stallsIn, type Stall } from "./long-tasks";

describe("stallsIn", () => {
  const stalls: Stall[] = [
    { kind: "longtask", start: 100, duration: 80 },
    { kind: "frame", start: 95, duration: 90 },
    { kind: "longtask", start: 400, duration: 120.4 },
    { kind: "longtask", start: 900, duration: 60 },
  ];
  it("sums, bounds and dates the stalls of one kind that began in the window", () => {
    expect(stallsIn(stalls, "longtask", 0, 900)).toEqual({ count: 2, totalMs: 200, maxMs: 120, lastEndMs: 520 });
    expect(stallsIn(stalls, "frame", 0, 1000)).toEqual({ count: 1, totalMs: 90, maxMs: 90, lastEndMs: 185 });
  });
  it("says none when the window holds none", () => {
    expect(stallsIn(stalls, "longtask", 1000, 2000)).toEqual({ count: 0, totalMs: 0, maxMs: 0, lastEndMs: null });
  });
});
