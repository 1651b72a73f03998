/**
 * Rolling Zenith itself through HAProxy: each replica is drained through readyz (its ready file removed, as the
 * rollouts feature removes a pool host's health file), marked DOWN by HAProxy, restarted, and UP again, while
 * polling clients count every request. The control kills a replica without draining it: requests in flight on
 * it are lost, so the count can see a loss.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, harness, pollWhile, scaleOut } from "./client";

const POLLERS = 6;
const PATH = "/api/instances";

async function signedIn(base: string) {
  const browsers = Array.from({ length: POLLERS }, () => new Browser());
  for (const b of browsers) await b.login(base, "demo");
  return browsers;
}

describe("scale-out: rolling restart through HAProxy", () => {
  const env = scaleOut();

  it("draining through readyz, a rolling restart of A then B loses no request of polling clients", async () => {
    const browsers = await signedIn(env.lb);
    let out = "";
    const roll = harness("roll").then((s) => {
      out = s;
    });
    const count = await pollWhile(browsers, env.lb, PATH, roll);
    console.log(`rolling restart: ${count.requests} requests, ${count.failures} failed\n${out.trim()}`);
    expect(out).toMatch(/roll a: .*\nroll b: /);
    expect(count.requests).toBeGreaterThan(50);
    expect(count.failures, count.samples.join("\n")).toBe(0);
  });

  it("control: a replica killed without draining loses the requests in flight on it", async () => {
    const browsers = await signedIn(env.lb);
    const crash = (async () => {
      await new Promise((r) => setTimeout(r, 1500));
      await harness("kill", "a");
      await new Promise((r) => setTimeout(r, 1500));
    })();
    const count = await pollWhile(browsers, env.lb, PATH, crash);
    await harness("start", "a");
    console.log(`kill without drain: ${count.requests} requests, ${count.failures} failed (${count.samples.join("; ")})`);
    expect(count.failures).toBeGreaterThan(0);
  });

  it("SIGUSR2 drains a replica of the built server (instrumentation.ts installs the handler): readyz 503, HAProxy DOWN", async () => {
    const pid = Number(readFileSync(join(env.dir, "run", "b.pid"), "utf8"));
    const hap = (...args: string[]) =>
      execFileSync("/usr/bin/python3", ["rollouts/hapctl.py", "--socket", env.socket, ...args], { encoding: "utf8" }).trim();
    expect(hap("status", "zenith", "a", "b")).toBe("UP UP");
    process.kill(pid, "SIGUSR2");
    try {
      const r = await fetch(`${env.b}/api/readyz`);
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ ready: false, checks: { drain: { ok: false, code: "draining_signal" } } });
      expect((await fetch(`${env.b}/api/healthz`)).status).toBe(200);
      hap("wait", "zenith", "b", "DOWN", "--timeout", "30");
    } finally {
      await harness("stop", "b");
      await harness("start", "b");
    }
    hap("wait", "zenith", "b", "UP", "--timeout", "60");
  });
});
