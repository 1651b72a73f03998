import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAuditLog } from "./audit-log";

const entry = (step: string) => ({ requestId: "req-1", user: "admin", project: "admin", action: "dhcp.heal", target: "net-1", step, result: "ok" as const, detail: null });

describe("audit log", () => {
  it("lists newest first and keeps entries across a restart when file-backed", () => {
    const file = join(mkdtempSync(join(tmpdir(), "zenith-audit-")), "audit.jsonl");
    const a = createAuditLog(file);
    a.record(entry("one"));
    a.record(entry("two"));
    expect(a.list().map((e) => e.step)).toEqual(["two", "one"]);
    expect(createAuditLog(file).list(1).map((e) => e.step)).toEqual(["two"]);
  });
  it("lives in memory without a file", () => {
    const a = createAuditLog();
    a.record(entry("x"));
    expect(a.list()).toHaveLength(1);
    expect(a.list()[0].at).toMatch(/Z$/);
  });
});
