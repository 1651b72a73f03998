import { parseVersionDoc } from "./version-doc";

describe("parseVersionDoc", () => {
  it("reads Nova's microversion range", () => {
    const doc = { version: { id: "v2.1", status: "CURRENT", version: "2.100", min_version: "2.1" } };
    expect(parseVersionDoc(doc, "v2.1")).toEqual({ id: "v2.1", status: "CURRENT", minVersion: "2.1", maxVersion: "2.100" });
  });
  it("reads Cinder's version list", () => {
    const doc = { versions: [{ id: "v3.0", status: "CURRENT", version: "3.70", min_version: "3.0" }] };
    expect(parseVersionDoc(doc, "v3")).toMatchObject({ minVersion: "3.0", maxVersion: "3.70" });
  });
  it("reads Keystone's versions.values", () => {
    const doc = { versions: { values: [{ id: "v3.14", status: "stable" }] } };
    expect(parseVersionDoc(doc, "v3")).toMatchObject({ id: "v3.14", status: "stable", maxVersion: "3.14" });
  });
  it("gives Glance's range as the lowest and highest v2.x", () => {
    const doc = {
      versions: [
        { id: "v2.16", status: "CURRENT" },
        { id: "v2.9", status: "SUPPORTED" },
        { id: "v2.0", status: "SUPPORTED" },
      ],
    };
    expect(parseVersionDoc(doc, "v2")).toEqual({ id: "v2.16", status: "CURRENT", minVersion: "2.0", maxVersion: "2.16" });
  });
  it("reads Placement's max_version", () => {
    const doc = { versions: [{ id: "v1.0", max_version: "1.39", min_version: "1.0", status: "CURRENT" }] };
    expect(parseVersionDoc(doc, "")).toMatchObject({ minVersion: "1.0", maxVersion: "1.39" });
  });
  it("answers null for anything else", () => {
    expect(parseVersionDoc("<html>", "v2")).toBeNull();
    expect(parseVersionDoc({ versions: [{ id: "v1.0" }] }, "v2")).toBeNull();
  });
});
