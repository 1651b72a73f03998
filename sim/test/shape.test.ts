import { describe, expect, it } from "vitest";
import { compareShape } from "./shape";

describe("compareShape", () => {
  it("accepts equal shapes with different values, and nulls either way", () => {
    expect(compareShape({ a: 1, b: "x", c: [{ d: true }], e: null }, { a: 2, b: "y", c: [{ d: false }, { d: true }], e: "z" })).toEqual([]);
    expect(compareShape({ q: "id" }, { q: null })).toEqual([]);
  });
  it("reports missing, extra and mistyped keys by path", () => {
    expect(compareShape({ n: { a: 1, b: [1] } }, { n: { a: "1", b: ["x"], c: 3 } })).toEqual([
      "n.a: type string, sample has number",
      "n.b[]: type string, sample has number",
      "n.c: extra (number), not in the sample",
    ]);
    expect(compareShape({ a: 1, b: 2 }, { a: 1 })).toEqual(["b: missing (sample has number)"]);
  });
  it("honours allowMissing and allowExtra by path", () => {
    expect(compareShape({ a: 1, b: 2 }, { a: 1, c: 3 }, { allowMissing: { b: "why" }, allowExtra: { c: "why" } })).toEqual([]);
  });
});
