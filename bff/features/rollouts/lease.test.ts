import type { ZenithDatabase } from "../../db/database";
import { ENGINES, twoReplicas } from "../../db/test-databases";
import { createLeases } from "./lease";
import { createRolloutStore, EVENTS_CHANNEL, type RunRow } from "./store";
import { askCancel, onCancelAsked, waitForEvents } from "./signals";
import { sweepOrphans, type TakeoverEnv } from "./takeover";

const row = (id: string, pool = "lab"): RunRow => ({
  id,
  pool,
  version: "v2",
  serial: "1",
  maxFailPercentage: 0,
  minHealthy: 1,
  drain: true,
  status: "running",
  stoppedBy: null,
  stopReason: null,
  error: null,
  startedBy: "admin",
  startedAt: new Date().toISOString(),
  finishedAt: null,
  served: 0,
  failed: 0,
  batches: [["web1"], ["web2"]],
  limitHosts: null,
  retryOf: null,
  pid: null,
  runDir: `/nonexistent/${id}`,
  exitCode: null,
});

describe.each(ENGINES)("rollout runs across replicas on %s", (engine) => {
  const open: ZenithDatabase[] = [];
  let t = 10_000_000;
  const clock = () => t;
  /** Two replicas: two data layers on one database. */
  const two = () => twoReplicas(engine, open);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.close()));
  });

  it("one run per pool holds a lease; another replica cannot take it until it expires, then the owner has lost it", async () => {
    const [a, b] = await two();
    const sa = createRolloutStore(a),
      sb = createRolloutStore(b);
    expect(await sa.insert(row("r1"), { owner: a.replica, expiresAt: t + 15_000 })).toBe(true);
    expect(await sb.insert(row("r2"), { owner: b.replica, expiresAt: t + 15_000 })).toBe(false);
    expect(await sb.get("r2")).toBeUndefined();
    const la = createLeases(a, clock),
      lb = createLeases(b, clock);
    expect(await lb.takeOver("r1", "lab", b.replica, 15_000)).toBe(false);
    t += 10_000;
    expect(await la.renew("r1", a.replica, 15_000)).toBe(true);
    t += 20_000;
    expect(await lb.takeOver("r1", "lab", b.replica, 15_000)).toBe(true);
    expect(await la.takeOver("r1", "lab", a.replica, 15_000)).toBe(false);
    expect(await la.renew("r1", a.replica, 15_000)).toBe(false);
    await la.release("r1", a.replica); // not its lease any more: nothing happens
    expect(await sb.insert(row("r3"), { owner: b.replica, expiresAt: t + 15_000 })).toBe(false);
    await lb.release("r1", b.replica);
    expect(await sb.insert(row("r3"), { owner: b.replica, expiresAt: t + 15_000 })).toBe(true);
  });

  it("events appended by the owner are read, and announced, on another replica", async () => {
    const [a, b] = await two();
    const sa = createRolloutStore(a),
      sb = createRolloutStore(b);
    await sa.insert(row("r1"), { owner: a.replica, expiresAt: t + 15_000 });
    const heard: string[] = [];
    const off = b.listen(EVENTS_CHANNEL, (id) => heard.push(id));
    await b.ping();
    await new Promise((r) => setTimeout(r, 300)); // LISTEN is in place
    for (let i = 0; i < 3; i++) await sa.append("r1", "lb", 1 + i, { host: `web${i}` });
    expect((await sb.after("r1", 0)).map((e) => [e.seq, e.type, (e.data as { host: string }).host])).toEqual([
      [1, "lb", "web0"],
      [2, "lb", "web1"],
      [3, "lb", "web2"],
    ]);
    expect(await sb.after("r1", 2)).toHaveLength(1);
    // PostgreSQL carries NOTIFY to the other replica; on SQLite the other process polls
    if (engine === "postgres") {
      for (let i = 0; i < 50 && heard.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual(["r1", "r1", "r1"]);
    }
    off();
  });

  it.runIf(engine === "postgres")("a stream on another replica wakes at the owner's next event; a cancel reaches the owner", async () => {
    const [a, b] = await two();
    const sa = createRolloutStore(a);
    await sa.insert(row("r1"), { owner: a.replica, expiresAt: t + 15_000 });
    const asked: string[] = [];
    onCancelAsked(a, (ask) => asked.push(`${ask.id} by ${ask.user}`));
    const idle = Date.now();
    await waitForEvents(b, "r1", 300); // nothing happens: the poll interval passes
    expect(Date.now() - idle).toBeGreaterThanOrEqual(290);
    await new Promise((r) => setTimeout(r, 300)); // both LISTENs are in place
    const woke = waitForEvents(b, "r1", 10_000).then(() => Date.now());
    const at = Date.now();
    await sa.append("r1", "lb", 1, { host: "web1" });
    expect((await woke) - at).toBeLessThan(2_000);
    await askCancel(b, { id: "r1", user: "bob" });
    for (let i = 0; i < 50 && !asked.length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual(["r1 by bob"]);
  });

  it("a run whose replica died is taken over once its lease expired: interrupted, once, with the restore attempted", async () => {
    const [a, b] = await two();
    const sa = createRolloutStore(a);
    await sa.insert(row("r1"), { owner: a.replica, expiresAt: t + 15_000 });
    const env = (d: ZenithDatabase): TakeoverEnv => ({
      database: d,
      store: createRolloutStore(d),
      leases: createLeases(d, clock),
      leaseMs: 15_000,
      config: () => ({ state: "unconfigured" }),
      ansiblePlaybook: () => null,
      playbookDir: "/nonexistent",
      dataDir: "/nonexistent",
      isLocal: () => false,
    });
    expect(await sweepOrphans(env(b))).toEqual([]);
    expect(await sweepOrphans({ ...env(a), isLocal: (id) => id === "r1" })).toEqual([]);
    t += 16_000;
    const [x, y] = [await sweepOrphans(env(b)), await sweepOrphans(env(a))];
    expect([...x, ...y]).toEqual(["r1"]);
    expect(await sa.get("r1")).toMatchObject({ status: "interrupted", stopReason: { code: "rollouts.stop.interrupted" } });
    const events = await sa.after("r1", 0);
    expect(events.map((e) => e.type)).toEqual(["status", "restore"]);
    expect(events[1].data).toMatchObject({ ok: false, hosts: ["web1", "web2"], log: "pool lab is not configured" });
    // the lease is gone with the run: the pool is free
    expect(await sa.insert(row("r2"), { owner: a.replica, expiresAt: t + 15_000 })).toBe(true);
  });
});
