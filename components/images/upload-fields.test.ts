import { formatFromFileName, nameFromFileName, percentOf } from "./upload-fields";

describe("upload fields", () => {
  it("suggests a format and a name from the file", () => {
    expect(formatFromFileName("cirros-0.6.2-x86_64-disk.img")).toBe("raw");
    expect(formatFromFileName("ubuntu.QCOW2")).toBe("qcow2");
    expect(formatFromFileName("win.vhdx")).toBe("vhdx");
    expect(formatFromFileName("notes.txt")).toBeNull();
    expect(nameFromFileName("ubuntu-22.04.qcow2")).toBe("ubuntu-22.04");
  });
  it("rounds progress down and caps it", () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(2000, 1000)).toBe(100);
  });
});
