import { describe, expect, it } from "vitest";
import { runStateOf, serverRunState } from "./run-state";
import type { OwnerFacts } from "./types";

const owners = (o: Partial<OwnerFacts> = {}): OwnerFacts => ({ images: [], servers: new Map(), volumes: [], ...o });
const node = (type: "glance" | "nova" | "cinder", id = "x") => ({ owner: { type, id, name: id }, orphan: false, ownerUnknown: false });
const vols = (o: OwnerFacts) => new Map(o.volumes.map((v) => [v.id, v]));

describe("run state: only what the walks proved is running or stopped", () => {
  it("Nova statuses: running, stopped, and unknown for ERROR, UNKNOWN and anything unlisted", () => {
    expect(serverRunState("ACTIVE").state).toBe("running");
    expect(serverRunState("VERIFY_RESIZE").state).toBe("running");
    expect(serverRunState("SHELVED_OFFLOADED").state).toBe("stopped");
    for (const s of ["ERROR", "UNKNOWN", "SOMETHING_NEW", undefined])
      expect(serverRunState(s)).toMatchObject({ state: "unknown", certainty: "unknown" });
  });
  it("a server the walk gave no status for, or no status walk at all, is unknown", () => {
    const o = owners({ serverStatus: new Map([["a", "ACTIVE"]]) });
    expect(runStateOf(node("nova", "a"), o, vols(o)).state).toBe("running");
    expect(runStateOf(node("nova", "b"), o, vols(o)).state).toBe("unknown");
    expect(runStateOf(node("nova", "a"), owners(), new Map()).state).toBe("unknown");
  });
  it("volumes: attached to any running server runs; detached is stopped; in-use without attachments, or to an unknown server, is unknown", () => {
    const o = owners({
      serverStatus: new Map([
        ["on", "ACTIVE"],
        ["off", "SHUTOFF"],
        ["down", "UNKNOWN"],
      ]),
      volumes: [
        { id: "multi", name: null, status: "in-use", attachedTo: ["off", "on"] },
        { id: "off", name: null, status: "in-use", attachedTo: ["off"] },
        { id: "cell", name: null, status: "in-use", attachedTo: ["off", "down"] },
        { id: "free", name: null, status: "available", attachedTo: [] },
        { id: "odd", name: null, status: "in-use", attachedTo: [] },
      ],
    });
    const st = (id: string) => runStateOf(node("cinder", id), o, vols(o));
    expect(st("multi")).toMatchObject({ state: "running", reason: "volume_attached" });
    expect(st("off")).toMatchObject({ state: "stopped", certainty: "proven" });
    expect(st("cell").state).toBe("unknown");
    expect(st("free")).toMatchObject({ state: "stopped", reason: "volume_detached" });
    expect(st("odd").state).toBe("unknown");
    expect(st("missing").state).toBe("unknown");
  });
  it("a Glance image and an orphan are proven not running; an owner not seen is unknown", () => {
    expect(runStateOf(node("glance"), owners(), new Map())).toMatchObject({ state: "stopped", reason: "glance_image" });
    expect(runStateOf({ owner: null, orphan: true, ownerUnknown: false }, owners(), new Map())).toMatchObject({
      state: "stopped",
      reason: "orphan",
    });
    expect(runStateOf({ owner: null, orphan: false, ownerUnknown: true }, owners(), new Map()).state).toBe("unknown");
  });
});
