import { createTranslator } from "@/lib/i18n/translate";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { quotaLabel } from "./quota-label";
import { problemText } from "./validation";

describe("quotaLabel", () => {
  const t = createTranslator(en),
    zh = createTranslator(zhCN);
  it("names Cinder's per-type keys, including its __DEFAULT__ type, instead of showing the raw key", () => {
    expect(quotaLabel(t, "volumes___DEFAULT__")).toBe("Volumes, type default");
    expect(quotaLabel(t, "gigabytes_ceph-ssd")).toBe("Volume storage (GiB), type ceph-ssd");
    expect(quotaLabel(zh, "volumes___DEFAULT__")).toBe("云硬盘（类型 默认）");
    expect(quotaLabel(t, "cores")).toBe("vCPUs");
    expect(quotaLabel(zh, "per_volume_gigabytes")).toBe("单个云硬盘大小 (GiB)");
  });
  it("shows a key it does not know as is", () => {
    expect(quotaLabel(t, "shares")).toBe("shares");
  });
  it("renders a quota problem with the human name", () => {
    const text = problemText(t, {
      step: "source",
      field: "quota:gigabytes___DEFAULT__",
      key: "boot.errors.quota",
      vars: { quota: "gigabytes___DEFAULT__", inUse: 990, requested: 20, limit: 1000 },
    });
    expect(text).toBe("Quota Volume storage (GiB), type default would be exceeded: 990 in use + 20 requested > limit 1000.");
  });
});
