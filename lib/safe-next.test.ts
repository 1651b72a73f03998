import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeNextPath("/admin/system?from=x")).toBe("/admin/system?from=x");
    expect(safeNextPath(["/project/volumes", "/x"])).toBe("/project/volumes");
  });
  it.each([undefined, "", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "/login", "/login?next=/x"])(
    "falls back to the dashboard for %s",
    (value) => expect(safeNextPath(value)).toBe("/project"),
  );
});
