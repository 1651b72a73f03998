import { createLocks, createPlanBook, PLAN_TTL_MS } from "./plans";

describe("plan book", () => {
  it("binds a plan to the user who made it and forgets it after 10 minutes", () => {
    let t = 0;
    const book = createPlanBook(() => t);
    book.made("lineage.cleanup", "p1", "alice");
    expect(() => book.check("lineage.cleanup", "p1", "alice")).not.toThrow();
    expect(() => book.check("lineage.cleanup", "p1", "bob")).toThrow(expect.objectContaining({ status: 403, code: "plan_not_yours" }));
    expect(() => book.check("dhcp.heal", "p1", "alice")).toThrow(expect.objectContaining({ status: 409, code: "plan_expired" }));
    t = PLAN_TTL_MS + 1;
    expect(() => book.check("lineage.cleanup", "p1", "alice")).toThrow(expect.objectContaining({ status: 409, code: "plan_expired" }));
  });
});

describe("locks", () => {
  it("lets one execution hold an image at a time, takes all keys or none, and frees them on release", () => {
    const locks = createLocks();
    const release = locks.acquire(["images/a", "vms/b"], "req-1");
    expect(() => locks.acquire(["vms/c", "vms/b"], "req-2")).toThrow(expect.objectContaining({ status: 409, code: "plan_running" }));
    // req-2 took nothing: vms/c is still free.
    const r3 = locks.acquire(["vms/c"], "req-3");
    expect(() => locks.acquire(["images/a", "vms/x"], "req-1")).not.toThrow();
    release();
    r3();
    expect(() => locks.acquire(["images/a", "vms/b", "vms/c"], "req-4")).not.toThrow();
  });
});
