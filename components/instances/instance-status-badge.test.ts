import { createTranslator } from "@/lib/i18n/translate";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { instanceStatusLabel, instanceTaskLabel, instanceTone } from "./instance-status-badge";

describe("instance status labels", () => {
  const t = createTranslator(en),
    zh = createTranslator(zhCN);
  it("translates Nova's status in either case, and keeps one it does not know as Nova wrote it", () => {
    expect(instanceStatusLabel(t, "VERIFY_RESIZE")).toBe("Awaiting resize confirmation");
    expect(instanceStatusLabel(zh, "ACTIVE")).toBe("运行中");
    expect(instanceStatusLabel(zh, "error")).toBe("错误");
    expect(instanceStatusLabel(zh, "MIGRATING_SOMEWHERE")).toBe("MIGRATING_SOMEWHERE");
  });
  it("translates the task state, and spaces out an unknown one", () => {
    expect(instanceTaskLabel(zh, "powering-off")).not.toBe("powering-off");
    expect(instanceTaskLabel(t, "some_new_task")).toBe("some new task");
  });
  it("gives a running task the info tone whatever the status", () => {
    expect(instanceTone("ERROR", null)).toBe("danger");
    expect(instanceTone("ERROR", "deleting")).toBe("info");
  });
});
