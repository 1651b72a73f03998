import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeNextPath("/admin/system?from=x")).toBe("/admin/system?from=x");
    expect(safeNextPath(["/project/volumes", "/x"])).toBe("/project/volumes");
    expect(safeNextPath("/project/instances#top")).toBe("/project/instances#top");
  });
  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
    "/login",
    "/login?next=/x",
    // `next=/%09/evil.example` arrives decoded. The URL parser strips tab, CR and LF and reads `\` as `/`: each of these resolves to another host.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\t\\evil.example",
    // Dot segments that normalise into a protocol-relative path, and the login page behind them.
    "/.//evil.example",
    "/x/..//evil.example",
    "/./login",
    "/%2e/login",
  ])("falls back to the dashboard for %s", (value) => expect(safeNextPath(value)).toBe("/project"));
});
