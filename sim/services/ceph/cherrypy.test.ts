import { describe, expect, it } from "vitest";
import { pyInt } from "./cherrypy";

describe("pyInt (Python's int() on a size from the dashboard's body)", () => {
  it("takes numbers, booleans and decimal strings", () => {
    expect(pyInt(8388608)).toBe(8388608);
    expect(pyInt(7.9)).toBe(7);
    expect(pyInt(true)).toBe(1);
    expect(pyInt(" 42 ")).toBe(42);
  });
  it("names ValueError's and TypeError's text otherwise", () => {
    expect(pyInt("huge")).toEqual({ error: "invalid literal for int() with base 10: 'huge'" });
    expect(pyInt(null)).toEqual({ error: "int() argument must be a string, a bytes-like object or a number, not 'NoneType'" });
    expect(pyInt([1])).toEqual({ error: "int() argument must be a string, a bytes-like object or a number, not 'list'" });
  });
});
