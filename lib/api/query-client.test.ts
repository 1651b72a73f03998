import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { shouldRetry } from "./query-client";

describe("the browser's retry rule", () => {
  it("never retries a 503 (the BFF knows the upstream is down) nor a 4xx", () => {
    expect(shouldRetry(0, new ApiError(503, { code: "ceph_unavailable", message: "down" }))).toBe(false);
    expect(shouldRetry(0, new ApiError(403, { code: "forbidden" }))).toBe(false);
  });
  it("retries network failures, 502 and 504 twice", () => {
    expect(shouldRetry(0, new ApiError(0, { code: "network" }))).toBe(true);
    expect(shouldRetry(1, new ApiError(502, { code: "upstream_error" }))).toBe(true);
    expect(shouldRetry(2, new ApiError(504, { code: "upstream_timeout" }))).toBe(false);
  });
});
