import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { fanoutThroughput } from "./fanout-throughput";

const learned = { source: "learned" as const, bytesPerSecond: { p50: 200, p90: 100 }, samples: 7 };

describe("the fan-out's copy throughput", () => {
  it("passes boot's learned throughput on, and nothing is logged", async () => {
    const logged: unknown[] = [];
    const r = await fanoutThroughput(
      async () => learned,
      (e) => logged.push(e),
    );
    expect(r.answer).toEqual({ source: "learned", bytesPerSecond: { p50: 200, p90: 100 }, samples: 7 });
    expect(r.tp?.bytesPerSecond).toEqual({ p50: 200, p90: 100 });
    expect(logged).toEqual([]);
  });

  it("a failed Cinder volume list makes it unavailable with the error's code and service; its text goes to the log only", async () => {
    const logged: unknown[] = [];
    const err = new ApiError(504, "upstream_timeout", "Cinder (volume) did not answer GET /volumes/detail within 30000 ms", {
      service: "volume",
    });
    const r = await fanoutThroughput(
      () => Promise.reject(err),
      (e) => logged.push(e),
    );
    expect(r).toEqual({ answer: { source: "unavailable", service: "volume", code: "upstream_timeout" }, tp: null });
    expect(JSON.stringify(r.answer)).not.toContain("did not answer");
    expect(logged).toEqual([err]);
  });

  it("a failure that is not an upstream error (a bug) still fails the answer", async () => {
    const bug = new TypeError("x is undefined");
    await expect(
      fanoutThroughput(
        () => Promise.reject(bug),
        () => undefined,
      ),
    ).rejects.toBe(bug);
  });
});
