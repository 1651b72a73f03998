import { describe, expect, it } from "vitest";
import { formatBytes, formatMiB } from "./bytes";

describe("formatBytes", () => {
  it("uses binary units with at most one decimal", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(653 * 1024 ** 2)).toBe("653 MiB");
    expect(formatBytes(2.2 * 1024 ** 3)).toBe("2.2 GiB");
    expect(formatBytes(null)).toBeNull();
    expect(formatMiB(2048)).toBe("2 GiB");
  });
});
