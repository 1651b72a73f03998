import { describe, expect, it } from "vitest";
import { haproxyState } from "./haproxy-state";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";

describe("haproxyState", () => {
  it.each([
    ["UP", "rollouts.haproxy.up", undefined],
    ["DOWN", "rollouts.haproxy.down", undefined],
    ["UP 1/3", "rollouts.haproxy.goingDown", { n: "1", of: "3" }],
    ["DOWN 1/2", "rollouts.haproxy.goingUp", { n: "1", of: "2" }],
    ["MAINT", "rollouts.haproxy.maint", undefined],
    ["MAINT (via web/web-1)", "rollouts.haproxy.maint", undefined],
    ["MAINT(resolution)", "rollouts.haproxy.maint", undefined],
    ["DRAIN", "rollouts.haproxy.drain", undefined],
    ["NOLB", "rollouts.haproxy.nolb", undefined],
    ["no check", "rollouts.haproxy.noCheck", undefined],
    ["?", "rollouts.haproxy.unknown", undefined],
  ])("%s → %s", (status, key, params) => {
    expect(haproxyState(status)).toEqual(params ? { key, params } : { key });
  });

  it("every key has an en and a zh-CN text", () => {
    const keys = ["up", "down", "goingDown", "goingUp", "maint", "drain", "nolb", "noCheck", "unknown"];
    for (const m of [en, zh] as Array<{ rollouts: { haproxy: Record<string, string> } }>)
      expect(keys.filter((k) => !m.rollouts.haproxy[k])).toEqual([]);
  });
});
