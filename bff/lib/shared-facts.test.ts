import { describe, expect, it } from "vitest";
import { createSharedFacts } from "./shared-facts";

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe("createSharedFacts", () => {
  it("gathers once for concurrent viewers and serves the facts for ttlMs", async () => {
    let t = 0,
      loads = 0;
    const facts = createSharedFacts<number>({ ttlMs: 30_000, now: () => t });
    const load = async () => ++loads;
    const [a, b] = await Promise.all([facts.get("k", load), facts.get("k", load)]);
    expect([a.value, b.value, loads]).toEqual([1, 1, 1]);
    t = 29_000;
    expect((await facts.get("k", load)).value).toBe(1);
    t = 31_000;
    expect((await facts.get("k", load)).value).toBe(2);
  });

  it("refresh gathers anew once for a burst of refreshes, and joins a gather in flight", async () => {
    let t = 0,
      loads = 0;
    const facts = createSharedFacts<number>({ ttlMs: 30_000, refreshFloorMs: 2_000, now: () => t });
    const gate = deferred<void>();
    const slow = async () => {
      loads++;
      await gate.promise;
      return loads;
    };
    await facts.get("k", async () => ++loads);
    t = 10_000;
    const refreshes = [facts.get("k", slow, { refresh: true }), facts.get("k", slow, { refresh: true }), facts.get("k", slow)];
    gate.resolve();
    const got = await Promise.all(refreshes);
    expect(loads).toBe(2);
    expect(got.map((g) => g.value)).toEqual([2, 2, 2]);
    t = 11_000; // within the floor: a refresh right after one is the same facts
    expect((await facts.get("k", slow, { refresh: true })).value).toBe(2);
    expect(loads).toBe(2);
  });

  it("keeps facts that say they settle sooner only that long, and forgets on demand", async () => {
    let t = 0,
      loads = 0;
    const facts = createSharedFacts<{ n: number; pending: boolean }>({
      ttlMs: 30_000,
      now: () => t,
      fresherWhile: (v) => (v.pending ? 5_000 : null),
    });
    const load = async () => ({ n: ++loads, pending: loads === 1 });
    await facts.get("k", load);
    t = 6_000;
    expect((await facts.get("k", load)).value.n).toBe(2);
    t = 20_000;
    expect((await facts.get("k", load)).value.n).toBe(2);
    facts.forget("k");
    expect((await facts.get("k", load)).value.n).toBe(3);
  });
  it("after a slow gather, a viewer past the shared time gets the last facts (regathering) while one new gather runs", async () => {
    let t = 0,
      loads = 0;
    const facts = createSharedFacts<number>({ ttlMs: 30_000, now: () => t, slowGather: { ms: 10_000, staleMs: 60_000 } });
    const gate = deferred<void>();
    let gated = false;
    const behind: boolean[] = [];
    const load = async (ctx: { behind: boolean }) => {
      behind.push(ctx.behind);
      loads++;
      if (gated) await gate.promise;
      else t += 20_000; // the first gather takes 20 s
      return loads;
    };
    expect(await facts.get("k", load)).toMatchObject({ value: 1, took: 20_000 });
    gated = true;
    t = 20_000 + 31_000;
    const [a, b] = await Promise.all([facts.get("k", load), facts.get("k", load)]);
    expect([a.value, a.regathering, b.value, b.regathering, loads]).toEqual([1, true, 1, true, 2]);
    // Nobody waits for that gather: it is told so (lineage then reads more of a big cloud in it).
    expect(behind).toEqual([false, true]);
    // A refresh waits for a gather of its own making (here: joins the one running).
    const refreshed = facts.get("k", load, { refresh: true });
    gate.resolve();
    expect((await refreshed).value).toBe(2);
    expect(await facts.get("k", load)).toMatchObject({ value: 2 });
    expect((await facts.get("k", load)).regathering).toBeUndefined();
    // Past staleMs viewers wait again; after forget too.
    t += 30_000 + 60_001;
    gated = false;
    expect((await facts.get("k", load)).value).toBe(3);
    facts.forget("k");
    t += 31_000;
    expect((await facts.get("k", load)).regathering).toBeUndefined();
  });

  it("a fast gather keeps viewers waiting for the next one, as without slowGather", async () => {
    let t = 0,
      loads = 0;
    const facts = createSharedFacts<number>({ ttlMs: 30_000, now: () => t, slowGather: { ms: 10_000, staleMs: 60_000 } });
    const load = async () => ++loads;
    await facts.get("k", load);
    t = 31_000;
    expect(await facts.get("k", load)).toMatchObject({ value: 2 });
  });

  it("read says when the facts were gathered, how old they are and whether a gather runs behind them", async () => {
    let t = Date.parse("2026-01-01T00:00:00Z");
    const facts = createSharedFacts<string>({ ttlMs: 10_000, now: () => t, slowGather: { ms: 1_000, staleMs: 120_000 } });
    const gate = deferred<void>();
    let slow = true;
    const load = async () => {
      if (slow)
        t += 15_000; // a big cloud's read
      else await gate.promise;
      return slow ? "first" : "second";
    };
    expect(await facts.read("k", load)).toEqual({
      value: "first",
      gatheredAt: "2026-01-01T00:00:15.000Z",
      ageS: 0,
      sharedForS: 10,
      regathering: false,
    });
    slow = false;
    t += 40_000;
    expect(await facts.read("k", load)).toMatchObject({ value: "first", ageS: 40, regathering: true });
    // A refresh joins the read running and waits for it.
    const refreshed = facts.read("k", load, { refresh: true });
    t += 2_500;
    gate.resolve();
    expect(await refreshed).toMatchObject({ value: "second", ageS: 0, regathering: false });
  });

  it("facts an action put (a heal's fresh read) keep the cloud's gather time: the next view past the window need not wait", async () => {
    let t = 0;
    const facts = createSharedFacts<number>({ ttlMs: 10_000, now: () => t, slowGather: { ms: 1_000, staleMs: 120_000 } });
    await facts.get("k", async () => {
      t += 5_000;
      return 1;
    });
    facts.put("k", 2);
    t += 11_000;
    const never = new Promise<number>(() => undefined);
    expect(await facts.get("k", () => never)).toMatchObject({ value: 2, regathering: true });
  });
});
