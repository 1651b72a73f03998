import { createTranslator } from "@/lib/i18n/translate";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { orphanReasonText } from "./orphan-reason";

describe("orphanReasonText", () => {
  const t = createTranslator(en),
    zh = createTranslator(zhCN);
  it("names a deleted instance's disk without its id, in both locales", () => {
    expect(orphanReasonText(t, { code: "no_nova_server" })).toMatch(/deleted instance/);
    expect(orphanReasonText(zh, { code: "no_nova_server" })).toMatch(/已删除云主机/);
  });
  it("has a sentence for every code in both locales", () => {
    for (const code of ["no_glance_image", "no_nova_server", "no_cinder_volume", "hidden_parent_unread"] as const)
      for (const tr of [t, zh]) expect(orphanReasonText(tr, { code })).not.toMatch(/^lineage\.|[{}]/);
  });
});
