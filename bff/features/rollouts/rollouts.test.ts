import { parseRolloutsConfig } from "./config";
import { parseEventLine, reduceEvents, type AnsibleEvent } from "./events";
import { guardDecision } from "./guard";
import { backendStates, parseStatCsv } from "./haproxy";
import { classifyOutcome, verdictOf } from "./outcome";
import { batchSize, planBatches, planRollout, VERSION_PATTERN } from "./plan";
import { extraVarsYaml } from "./run-files";

const POOL = {
  name: "lab",
  inventory: "inventory.yml",
  hosts: ["web1", "web2", "web3"],
  haproxy: { socket: "run/haproxy.sock", backend: "web" },
  probeUrl: "http://127.0.0.1:18600/version.txt",
  healthFile: "{{ docroot }}/health.html",
  update: { tasks: "/srv/update.yml" },
  minHealthy: 2,
};
const okPool = () => {
  const c = parseRolloutsConfig({ pools: [POOL] }, "/etc/zenith/pools.yaml");
  if (c.state !== "ok") throw new Error(JSON.stringify(c));
  return c.pools[0];
};
const st = (host: string, status: string) => ({ host, server: host, status, up: status === "UP" || /^UP \d/.test(status) });

describe("rollouts config", () => {
  it("accepts a pool, fills defaults, and resolves relative paths against the file", () => {
    const p = okPool();
    expect(p).toMatchObject({
      inventory: "/etc/zenith/inventory.yml",
      drain: true,
      healthContent: "OK\n",
      waitTimeoutSeconds: 30,
      probeTimeoutMs: 2000,
    });
    expect(p.haproxy.socket).toBe("/etc/zenith/run/haproxy.sock");
    expect(p.update.tasks).toBe("/srv/update.yml");
  });
  it.each([
    [{ pools: [] }, /^pools: /],
    [{ pools: [{ ...POOL, haproxy: { backend: "web" } }] }, /socket .*or statsUrl/],
    [{ pools: [{ ...POOL, update: { tasks: "a.yml", role: "r" } }] }, /exactly one of tasks/],
    [{ pools: [{ ...POOL, minHealthy: 4 }] }, /minHealthy exceeds/],
    [{ pools: [{ ...POOL, probeUrl: "http://10.0.0.5/" }] }, /127\.0\.0\.1/],
    [{ pools: [POOL, POOL] }, /unique/],
    [{ pools: [{ ...POOL, name: "Lab pool" }] }, /^pools\.0\.name/],
    [{ pools: [{ ...POOL, probeTimeoutMs: 50 }] }, /^pools\.0\.probeTimeoutMs/],
  ])("rejects %j with a message naming the field", (raw, msg) => {
    const c = parseRolloutsConfig(raw, "/x/pools.yaml");
    expect(c.state).toBe("invalid");
    expect(c.state === "invalid" && c.message).toMatch(msg);
  });
});

describe("batch planning", () => {
  it("cuts hosts like Ansible's serial: counts and floored percentages, never below 1", () => {
    expect(batchSize("1", 3)).toBe(1);
    expect(batchSize("50%", 3)).toBe(1);
    expect(batchSize("50%", 4)).toBe(2);
    expect(batchSize("10%", 3)).toBe(1);
    expect(batchSize("100%", 3)).toBe(3);
    expect(batchSize("5", 3)).toBe(3);
    expect(planBatches(["a", "b", "c", "d", "e"], "2")).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });
  it("gives the capacity left during each batch, where the guard would stop, and a planId that follows the state", () => {
    const p = okPool();
    const up = planRollout(p, [st("web1", "UP"), st("web2", "UP"), st("web3", "UP")], { serial: "1", maxFailPercentage: 0, version: "v2" });
    expect(up.batches.map((b) => [b.hosts[0].host, b.capacityLeft, b.allowed])).toEqual([
      ["web1", 2, true],
      ["web2", 2, true],
      ["web3", 2, true],
    ]);
    expect(up.guardStopsAt).toBeNull();
    const down = planRollout(p, [st("web1", "UP"), st("web2", "UP"), st("web3", "DOWN")], {
      serial: "1",
      maxFailPercentage: 0,
      version: "v2",
    });
    expect(down.guardStopsAt).toBe(1);
    expect(down.planId).not.toBe(up.planId);
    expect(
      planRollout(p, [st("web1", "UP"), st("web2", "UP"), st("web3", "UP")], { serial: "1", maxFailPercentage: 0, version: "v2" }).planId,
    ).toBe(up.planId);
    const limited = planRollout(p, [st("web1", "UP"), st("web2", "DOWN"), st("web3", "UP")], {
      serial: "1",
      maxFailPercentage: 0,
      version: "v2",
      limit: ["web2"],
    });
    expect(limited.batches.map((b) => b.hosts.map((h) => h.host))).toEqual([["web2"]]);
    expect(limited.batches[0].capacityLeft).toBe(2);
  });
});

describe("capacity guard", () => {
  it("counts only backends UP outside the batch, UP 1/2 still serving, DOWN 1/2 and MAINT not", () => {
    const s = [st("web1", "UP"), st("web2", "UP 1/2"), st("web3", "DOWN 1/2"), st("web4", "MAINT")];
    const d = guardDecision(s, ["web1"], 2);
    expect(d).toMatchObject({
      ok: false,
      up: ["web2"],
      notUp: [
        { host: "web3", status: "DOWN 1/2" },
        { host: "web4", status: "MAINT" },
      ],
    });
    expect(guardDecision(s, ["web3"], 2)).toMatchObject({ ok: true, up: ["web1", "web2"] });
    expect(guardDecision(s, ["web1", "web2"], 0).ok).toBe(true);
  });
});

describe("HAProxy CSV", () => {
  const csv =
    "# pxname,svname,qcur,status,weight\nfe,FRONTEND,,OPEN,\nweb,web1,0,UP,1\nweb,web2,0,DOWN 1/2,1\nweb,BACKEND,0,UP,2\nother,web1,0,MAINT,1\n";
  it("reads the status per server of one backend and maps servers to hosts", () => {
    const m = parseStatCsv(csv, "web");
    expect([...m]).toEqual([
      ["web1", "UP"],
      ["web2", "DOWN 1/2"],
    ]);
    const p = { ...okPool(), haproxy: { ...okPool().haproxy, servers: { web3: "web2" } } };
    expect(backendStates(p, m).map((b) => [b.host, b.server, b.status, b.up])).toEqual([
      ["web1", "web1", "UP", true],
      ["web2", "web2", "DOWN 1/2", false],
      ["web3", "web2", "DOWN 1/2", false],
    ]);
  });
});

describe("event parsing", () => {
  const ev = (o: Partial<AnsibleEvent> & { event: AnsibleEvent["event"] }) => ({ ts: 1, ...o }) as AnsibleEvent;
  it("parses the callback's lines and ignores torn or foreign ones", () => {
    expect(parseEventLine('{"ts": 1.5, "event": "task_start", "task": "Update", "batch": 1}')).toMatchObject({
      event: "task_start",
      task: "Update",
    });
    expect(parseEventLine('{"ts": 1.5, "event": "task_st')).toBeNull();
    expect(parseEventLine('{"ts": 1.5, "event": "something_else"}')).toBeNull();
    expect(parseEventLine("")).toBeNull();
    // ansible-core 2.14 passes ignore_errors=None for a plain failure
    expect(
      parseEventLine(
        '{"ts": 2, "event": "runner_failed", "host": "web2", "task": "Start", "result": {"rc": 1}, "duration": 0.8, "ignore_errors": null}',
      ),
    ).toMatchObject({ event: "runner_failed", host: "web2" });
  });
  it("fills the host × task grid and keeps a failed host's first error; unprocessed hosts are not_run", () => {
    const r = reduceEvents(
      [["web1"], ["web2"], ["web3"]],
      [
        ev({ event: "task_start", task: "Capacity gate" }),
        ev({ event: "runner_start", host: "web1", task: "Capacity gate" }),
        ev({ event: "runner_ok", host: "web1", task: "Capacity gate", result: { changed: false } }),
        ev({ event: "task_start", task: "Start the backend" }),
        ev({ event: "runner_ok", host: "web1", task: "Start the backend", result: { changed: true } }),
        ev({ event: "runner_start", host: "web2", task: "Start the backend" }),
        ev({
          event: "runner_failed",
          host: "web2",
          task: "Start the backend",
          result: { msg: "non-zero return code", stderr: "nginx: [emerg] open() failed" },
        }),
        ev({ event: "task_start", task: "Restore the health file" }),
        ev({ event: "runner_ok", host: "web2", task: "Restore the health file", result: { changed: true } }),
        ev({ event: "stats", hosts: { web1: { ok: 5, failures: 0 }, web2: { ok: 3, failures: 1 } } }),
      ],
    );
    expect(r.tasks).toEqual(["Capacity gate", "Start the backend", "Restore the health file"]);
    expect(r.hosts.map((h) => [h.host, h.status])).toEqual([
      ["web1", "ok"],
      ["web2", "failed"],
      ["web3", "not_run"],
    ]);
    expect(r.hosts[1]).toMatchObject({
      failedTask: "Start the backend",
      error: "non-zero return code\nnginx: [emerg] open() failed",
      cells: { "Start the backend": "failed", "Restore the health file": "changed" },
    });
    expect(r.hosts[0].cells).toEqual({ "Capacity gate": "ok", "Start the backend": "changed" });
  });
  it("marks a host stopped at the capacity gate as gated, and ignores ignored errors", () => {
    const r = reduceEvents(
      [["web1"]],
      [
        ev({ event: "runner_failed", host: "web1", task: "Probe", ignore_errors: true, result: { msg: "x" } }),
        ev({
          event: "runner_failed",
          host: "web1",
          task: "Capacity gate (the runner reads HAProxy before each batch)",
          result: { msg: "stopped by the runner" },
        }),
      ],
    );
    expect(r.hosts[0]).toMatchObject({ status: "gated", failedTask: "Capacity gate (the runner reads HAProxy before each batch)" });
  });
});

describe("outcome", () => {
  const h = (status: string) => ({ host: status, batch: 1, status, failedTask: null, error: null, cells: {} }) as never;
  it("names what stopped a run", () => {
    const base = { exitCode: 2, cancelRequested: false, timedOut: false, guardStopped: false };
    expect(classifyOutcome({ ...base, exitCode: 0, hosts: [h("ok")] })).toEqual({ status: "succeeded", stoppedBy: null });
    expect(classifyOutcome({ ...base, hosts: [h("ok"), h("failed"), h("not_run")] })).toEqual({
      status: "stopped",
      stoppedBy: "max_fail_percentage",
    });
    expect(classifyOutcome({ ...base, hosts: [h("ok"), h("failed")] })).toEqual({ status: "failed", stoppedBy: null });
    expect(classifyOutcome({ ...base, guardStopped: true, hosts: [h("gated")] })).toEqual({
      status: "stopped",
      stoppedBy: "capacity_guard",
    });
    expect(classifyOutcome({ ...base, cancelRequested: true, guardStopped: true, hosts: [] })).toEqual({
      status: "cancelled",
      stoppedBy: "cancel",
    });
    expect(classifyOutcome({ ...base, timedOut: true, hosts: [] })).toEqual({ status: "stopped", stoppedBy: "timeout" });
    expect([verdictOf(100, 0), verdictOf(100, 3), verdictOf(0, 0)]).toEqual(["zero_downtime", "requests_failed", "no_traffic"]);
  });
});

describe("extra vars", () => {
  it("passes the version only when it matches the pattern, and as !unsafe so Ansible never templates it", () => {
    const p = okPool();
    const y = extraVarsYaml(p, { hosts: ["web1", "web2"], serial: "50%", maxFailPercentage: 10, version: "v2.1+b3", gateDir: "/g" });
    expect(y).toContain('rollout_version: !unsafe "v2.1+b3"');
    expect(y).toContain("rollout_hosts: web1:web2");
    expect(y).toContain("rollout_serial: 50%");
    expect(() =>
      extraVarsYaml(p, { hosts: ["web1"], serial: "1", maxFailPercentage: 0, version: "{{ lookup('pipe','id') }}", gateDir: "/g" }),
    ).toThrow(/does not match/);
    expect(VERSION_PATTERN.test("v2; rm -rf /")).toBe(false);
  });
});
