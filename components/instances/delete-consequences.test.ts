import { createTranslator } from "@/lib/i18n/translate";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { InstanceDetail } from "@/lib/queries/instances";
import { deleteConsequences } from "./delete-consequences";

type Vol = InstanceDetail["volumes"][number];
const vol = (o: Partial<Vol>): Vol => ({
  id: "v1",
  name: "root-vol",
  sizeGiB: 10,
  status: "in-use",
  device: "/dev/vda",
  deleteOnTermination: false,
  bootable: true,
  root: false,
  ...o,
});
const say = (d: Pick<InstanceDetail, "bootFromVolume" | "volumes">, tr = createTranslator(en)) =>
  deleteConsequences(d).map((c) => tr(c.key, c.vars));

describe("deleteConsequences", () => {
  it("says a boot-from-volume instance's root volume is kept when delete_on_termination is off", () => {
    const text = say({ bootFromVolume: true, volumes: [vol({ root: true })] });
    expect(text[0]).toMatch(/booted from a volume, so it has no local disk/);
    expect(text[1]).toMatch(/^Its root volume root-vol is kept \(delete on termination is off\)/);
    expect(say({ bootFromVolume: true, volumes: [vol({ root: true })] }, createTranslator(zhCN))[1]).toMatch(/^其根云硬盘 root-vol 将保留/);
  });
  it("says it is deleted when delete_on_termination is on, and unknown when Nova does not say", () => {
    expect(say({ bootFromVolume: true, volumes: [vol({ root: true, deleteOnTermination: true })] })[1]).toMatch(/is deleted with it/);
    expect(say({ bootFromVolume: true, volumes: [vol({ root: true, deleteOnTermination: null })] })[1]).toMatch(/assume it is kept/);
  });
  it("counts the other volumes kept or deleted; an image-backed instance loses its local disk", () => {
    const text = say({ bootFromVolume: false, volumes: [vol({ id: "a" }), vol({ id: "b", deleteOnTermination: true })] });
    expect(text).toEqual([
      en.instances.deleteBody,
      "1 attached volume(s) are kept (delete on termination is off).",
      "1 attached volume(s) are deleted with it (delete on termination is on).",
    ]);
  });
});
