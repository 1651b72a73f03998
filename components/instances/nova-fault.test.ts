import { createTranslator } from "@/lib/i18n/translate";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { novaFaultText } from "./instance-status-badge";

describe("novaFaultText", () => {
  const t = createTranslator(en),
    zh = createTranslator(zhCN);
  it("renders a volume that was not ready in time with its numbers and its translated status", () => {
    const r = { code: "volume_not_created" as const, params: { seconds: 5, attempts: 2, status: "downloading" } };
    expect(novaFaultText(t, r)).toBe("A new volume was not ready in time: Nova waited 5 s (2 checks) and it was still downloading");
    expect(novaFaultText(zh, r)).toContain("等待了 5 秒（检查 2 次）");
    expect(novaFaultText(zh, r)).toContain("下载中");
  });
  it("leaves the status out when Nova's 255-character cut removed it", () => {
    expect(novaFaultText(t, { code: "volume_not_created_cut", params: { seconds: 5, attempts: 2 } })).toBe(
      "A new volume was not ready in time: Nova waited 5 s (2 checks)",
    );
  });
  it("has a sentence in both locales for every code, with no placeholder left over", () => {
    const codes = Object.keys(en.instances.faultReason);
    for (const code of codes) {
      const r = { code, params: { seconds: 1, attempts: 1, status: "error", format: "raw" } } as Parameters<typeof novaFaultText>[1];
      for (const tr of [t, zh]) expect(novaFaultText(tr, r)).not.toMatch(/[{}]|instances\./);
    }
    expect(novaFaultText(zh, { code: "no_valid_host", params: {} })).toMatch(/计算节点/);
  });
});
