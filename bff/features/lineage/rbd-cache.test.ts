import { describe, expect, it } from "vitest";
import { createRbdFactsCache } from "./rbd-cache";
import type { RbdFacts } from "./types";

const facts = (pool: string, name: string): RbdFacts => ({
  pool,
  name,
  size: 1,
  used: null,
  usageNote: "not_reported",
  parent: null,
  snapshots: [],
});

describe("createRbdFactsCache", () => {
  it("answers for an image until its time is up", () => {
    let t = 0;
    const c = createRbdFactsCache({ ttlMs: 1000, now: () => t });
    c.put(facts("vms", "x_disk"), false);
    expect(c.known({ pool: "vms", name: "x_disk" }, () => false)?.facts.name).toBe("x_disk");
    t = 1001;
    expect(c.known({ pool: "vms", name: "x_disk" }, () => false)).toBeUndefined();
  });

  it("does not answer for an image whose owner was live when read and is gone now (likely deleted)", () => {
    const c = createRbdFactsCache();
    c.put(facts("volumes", "volume-a"), true);
    c.put(facts("volumes", "volume-a.deleted"), false);
    expect(c.known({ pool: "volumes", name: "volume-a" }, () => true)).toBeDefined();
    expect(c.known({ pool: "volumes", name: "volume-a" }, () => false)).toBeUndefined();
    // Never named (a hidden parent, an orphan): its time alone decides.
    expect(c.known({ pool: "volumes", name: "volume-a.deleted" }, () => false)).toBeDefined();
  });

  it("forgets the images a change touched", () => {
    const c = createRbdFactsCache();
    c.put(facts("images", "i"), true);
    c.forget(["images/i"]);
    expect(c.known({ pool: "images", name: "i" }, () => true)).toBeUndefined();
  });
});
