import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { createTranslator } from "@/lib/i18n/translate";
import { type StepError, stepErrorText, stepWhyText } from "./step-text";

const t = { en: createTranslator(en), zh: createTranslator(zhCN) };

describe("lineage step codes in en and zh-CN", () => {
  it("renders each plan step's reason with its params", () => {
    const why = { code: "child_reads_parent", params: { child: "volumes/c", parent: "vms/o_disk@s1" } } as const;
    expect(stepWhyText(t.en, why)).toBe("volumes/c still reads from vms/o_disk@s1");
    expect(stepWhyText(t.zh, why)).toBe("volumes/c 仍在从 vms/o_disk@s1 读取数据");
    expect(stepWhyText(t.en, { code: "protected_snapshot" })).toBe("a protected snapshot cannot be removed");
    expect(stepWhyText(t.zh, { code: "snapshots_block_removal" })).toBe("有快照的镜像无法删除");
  });

  it("renders an upstream failure as the service and what happened, never the upstream's text", () => {
    const e: StepError = { code: "step_failed", params: {}, upstream: { code: "upstream_bad_request", service: "ceph" } };
    expect(stepErrorText(t.en, e)).toBe("Failed: Ceph Dashboard rejected the request.");
    expect(stepErrorText(t.zh, e)).toBe("失败：Ceph Dashboard拒绝了请求。");
    const odd: StepError = { code: "owner_unproven", params: { owner: "nova" }, upstream: { code: "teapot", service: null } };
    expect(stepErrorText(t.en, odd)).toBe("Refused: its owner's absence is not proven (An upstream service failed); nothing was changed.");
  });

  it("renders refusals with their params, and the fallbacks of missing ones", () => {
    const found: StepError = { code: "owner_found", params: { owner: "nova", name: "web-1", status: "ACTIVE" }, upstream: null };
    expect(stepErrorText(t.en, found)).toBe("Refused: its owner exists again (Nova server web-1, status ACTIVE); nothing was changed.");
    expect(stepErrorText(t.zh, found)).toBe("已拒绝：其所有者再次存在（Nova 云主机 web-1，状态 ACTIVE）；未做任何更改。");
    expect(stepErrorText(t.en, { code: "parent_changed", params: { parent: null }, upstream: null })).toBe(
      "Refused: the clone now reads from no parent, not the planned parent.",
    );
    expect(stepErrorText(t.zh, { code: "still_has_parent", params: { parent: "images/i@snap" }, upstream: null })).toBe(
      "失败：拍平后该克隆仍从 images/i@snap 读取。",
    );
  });
});
