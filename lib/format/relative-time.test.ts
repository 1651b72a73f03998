import { describe, expect, it } from "vitest";
import { formatRelativeTime, formatTime } from "./relative-time";

const now = new Date("2026-01-01T12:00:00Z");

describe("formatRelativeTime", () => {
  it("uses the largest whole unit, in the future and the past", () => {
    expect(formatRelativeTime("2026-01-01T12:59:00Z", now, "en")).toBe("in 59 minutes");
    expect(formatRelativeTime("2026-01-01T09:00:00Z", now, "en")).toBe("3 hours ago");
    expect(formatRelativeTime("2026-01-03T12:00:00Z", now, "en")).toBe("in 2 days");
    expect(formatRelativeTime(now, now, "en")).toBe("now");
  });
  it("speaks the locale", () => {
    expect(formatRelativeTime("2026-01-01T12:59:00Z", now, "zh-CN")).toBe("59分钟后");
  });
});

describe("formatTime", () => {
  it("writes the time of day the locale's way, not always the 12-hour English one", () => {
    const at = new Date(2026, 0, 1, 14, 12, 8);
    expect(formatTime(at, "zh-CN")).toBe("14:12:08");
    expect(formatTime(at, "en")).toBe("2:12:08 PM");
  });
});
