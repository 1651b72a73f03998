import { fmt, spread } from "./stats";

describe("bench:ui spread", () => {
  it("gives the median and range, leaving out and counting runs that measured nothing", () => {
    expect(spread([5, 1, 3, null, 9])).toEqual({ median: 4, min: 1, max: 9, n: 4, missing: 1 });
    expect(spread([7, 3, 5])).toMatchObject({ median: 5, min: 3, max: 7 });
    expect(fmt(spread([2, 2]))).toBe("2");
    expect(fmt(spread([3, 1, 2]))).toBe("2 (1–3)");
    expect(fmt(spread([null]))).toBe("—");
  });
});
