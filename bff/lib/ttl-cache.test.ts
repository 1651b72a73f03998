import { createTtlCache } from "./ttl-cache";

function setup(max = 3, ttlMs = 5_000) {
  let t = 0;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  let loads = 0;
  const gates: (() => void)[] = [];
  const loader = (v: string) => () => {
    loads++;
    return new Promise<string>((r) => gates.push(() => r(v)));
  };
  const open = async () => {
    for (const g of gates.splice(0)) g();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { cache: createTtlCache<string>({ ttlMs, max, now: clock.now }), clock, loader, open, loads: () => loads };
}

describe("createTtlCache", () => {
  it("keeps a value for ttlMs, then loads again", async () => {
    const s = setup();
    const a = s.cache.get("k", s.loader("v1"));
    await s.open();
    expect(await a).toBe("v1");
    s.clock.advance(5_000);
    expect(await s.cache.get("k", s.loader("v2"))).toBe("v1");
    s.clock.advance(1);
    const b = s.cache.get("k", s.loader("v2"));
    await s.open();
    expect(await b).toBe("v2");
    expect(s.loads()).toBe(2);
  });

  it("stays bounded: the oldest entry goes first", async () => {
    const s = setup(2);
    for (const k of ["a", "b", "c"]) s.cache.set(k, k);
    expect(s.cache.size()).toBe(2);
    expect(s.cache.peek("a")).toBeUndefined();
    expect(s.cache.peek("c")).toBe("c");
  });

  it("past max loads in flight, a miss loads unshared instead of growing the in-flight map", async () => {
    const s = setup(2);
    const all = ["a", "b", "c", "c"].map((k) => s.cache.get(k, s.loader(k)));
    expect(s.cache.inflightSize()).toBe(2);
    expect(s.loads()).toBe(4);
    await s.open();
    expect(await Promise.all(all)).toEqual(["a", "b", "c", "c"]);
    expect(s.cache.inflightSize()).toBe(0);
  });

  it("drops entries that `valid` rejects", () => {
    let ok = true;
    const c = createTtlCache<string>({ ttlMs: 60_000, max: 5, valid: () => ok });
    c.set("k", "v");
    expect(c.peek("k")).toBe("v");
    ok = false;
    expect(c.peek("k")).toBeUndefined();
    expect(c.size()).toBe(0);
  });
});

describe("createTtlCache: expiry sweep and current()", () => {
  it("drops expired entries when a new one is set, without waiting to be pushed out", () => {
    let t = 0;
    const c = createTtlCache<string>({ ttlMs: 10, max: 100, now: () => t });
    c.set("a", "a");
    t = 5;
    c.set("b", "b");
    t = 12;
    c.set("c", "c");
    expect(c.size()).toBe(2);
    t = 30;
    c.set("d", "d");
    expect(c.size()).toBe(1);
  });

  it("current() answers the cached value or the load in flight, and never starts a load", async () => {
    const c = createTtlCache<string>({ ttlMs: 1_000, max: 10 });
    expect(c.current("k")).toBeUndefined();
    let release = () => {};
    const load = c.get(
      "k",
      () =>
        new Promise<string>((r) => {
          release = () => r("v");
        }),
    );
    const joined = c.current("k");
    expect(joined).toBeDefined();
    release();
    expect(await joined).toBe("v");
    expect(await load).toBe("v");
    expect(await c.current("k")).toBe("v");
  });
});
