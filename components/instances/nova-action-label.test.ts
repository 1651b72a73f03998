import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { createTranslator } from "@/lib/i18n/translate";
import { novaActionLabel } from "./nova-action-label";

describe("novaActionLabel", () => {
  const t = createTranslator(en);
  it("words Nova's action names in the user's language", () => {
    expect(novaActionLabel(t, "create")).toBe("Create");
    expect(novaActionLabel(t, "createImage")).toBe("Create snapshot");
    expect(novaActionLabel(t, "live-migration")).toBe("Live migration");
    expect(novaActionLabel(createTranslator(zh), "confirmResize")).toBe("确认调整大小");
  });
  it("falls back to a generic label, never Nova's internal name", () => {
    expect(novaActionLabel(t, "someFutureAction")).toBe("Other action");
  });
});
