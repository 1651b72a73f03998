import { describe, expect, it } from "vitest";
import { faultKey, negotiate } from "./microversion";

const h = (o: Record<string, string>) => ({ get: (n: string) => o[n] });

describe("microversion negotiation", () => {
  it("defaults to the minimum and accepts latest", () => {
    expect(negotiate("compute", h({}), "2.1", "2.100")).toEqual({ ok: true, version: { major: 2, minor: 1 } });
    expect(negotiate("compute", h({ "OpenStack-API-Version": "compute latest" }), "2.1", "2.100")).toEqual({
      ok: true,
      version: { major: 2, minor: 100 },
    });
  });
  it("reads the legacy nova header", () => {
    expect(
      negotiate("compute", h({ "X-OpenStack-Nova-API-Version": "2.47" }), "2.1", "2.100", "X-OpenStack-Nova-API-Version"),
    ).toMatchObject({ version: { minor: 47 } });
  });
  it("406 outside the range, 400 when malformed", () => {
    expect(negotiate("volume", h({ "OpenStack-API-Version": "volume 3.99" }), "3.0", "3.70")).toEqual({
      ok: false,
      status: 406,
      message: "Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70.",
      asked: "3.99",
    });
    expect(negotiate("compute", h({ "OpenStack-API-Version": "compute 2.x" }), "2.1", "2.100")).toMatchObject({ ok: false, status: 400 });
  });
  it("maps statuses to fault keys", () => {
    expect(faultKey(404)).toBe("itemNotFound");
    expect(faultKey(409)).toBe("conflictingRequest");
    expect(faultKey(500)).toBe("computeFault");
  });
});
