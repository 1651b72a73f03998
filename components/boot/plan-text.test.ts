import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { createTranslator } from "@/lib/i18n/translate";
import type { BootPlan } from "@/lib/queries/boot";
import { evidenceText, explain, failures, pathLabel, secs } from "./plan-text";

const t = createTranslator(en);
const zh = createTranslator(zhCN);
const check = (id: BootPlan["checks"][number]["id"], status: "pass" | "fail" | "unknown", code: string, params = {}) => ({
  id,
  status,
  code,
  params,
  evidence: "English",
});
const plan = (o: Partial<BootPlan>): BootPlan =>
  ({
    path: "rbd-clone-volume",
    certain: true,
    checks: [],
    risks: [],
    alternative: null,
    novaWait: { seconds: 183, retries: 60, intervalSeconds: 3, attempts: 61 },
    ...o,
  }) as BootPlan;

describe("plan text: certainty shown, never implied", () => {
  const uncertain = plan({
    certain: false,
    checks: [
      check("location_exposed", "unknown", "location_hidden_from_role"),
      check("same_fsid", "pass", "in_cluster_by_id", { image: "x" }),
      check("raw_format", "pass", "format_raw"),
      check("snapshot_readable", "pass", "snapshot_protected", { image: "x" }),
    ],
    alternative: {
      path: "copy-volume",
      ifFails: ["location_exposed"],
      exceedsNovaWait: true,
      storageSeconds: { p50: 301.4, p90: 400 },
      predictedSeconds: { p50: 305, p90: 404 },
    },
  });
  it("an uncertain clone is labelled by its condition, not as a clone", () => {
    expect(pathLabel(t, uncertain)).toBe("Clone if Glance gives Nova and Cinder the image's location, else full copy");
    expect(pathLabel(zh, uncertain)).toBe("若Glance 向 Nova 和 Cinder 提供镜像位置则克隆，否则完整复制");
    expect(pathLabel(t, plan({}))).toBe("RBD clone into a new volume");
    expect(explain(t, uncertain)).not.toMatch(/location_exposed|same_fsid|snapshot_readable/);
  });
  it("the worst case names what leads to it, with units in the user's language", () => {
    expect(failures(t, ["same_fsid", "snapshot_readable"])).toBe("this image is not in this cluster or its snapshot cannot be opened");
    expect(secs(t, 301.4)).toBe("301 s");
    expect(secs(zh, 301.4)).toBe("301 秒");
  });
  it("evidence is rendered from its code; a reason code is translated too; an unknown code keeps the BFF's English", () => {
    expect(evidenceText(zh, check("raw_format", "fail", "format_not_raw", { format: "qcow2" }))).toContain("qcow2");
    expect(evidenceText(t, check("location_exposed", "fail", "location_not_rbd", { reason: "not_rbd" }))).toBe(
      "Glance's location is not an RBD snapshot (not stored in RBD).",
    );
    expect(evidenceText(t, check("same_fsid", "fail", "from_the_future"))).toBe("English");
  });
  it("a qcow2 copy says why in words, not 'Cannot clone (disk_format is raw)'", () => {
    const copy = plan({ path: "copy-volume", checks: [check("raw_format", "fail", "format_not_raw", { format: "qcow2" })] });
    expect(explain(t, copy)).toMatch(/^Cannot clone: the image is qcow2, not raw\./);
  });
});
