import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PoolConfig } from "./config";
import { parseEventLine, reduceEvents, type AnsibleEvent } from "./events";
import { guardDecision, guardReason } from "./guard";
import { readHaproxy } from "./haproxy";
import type { BackendState, Message } from "./schema";
import { classifyOutcome } from "./outcome";
import { startProbe } from "./probe";
import { killGroup, killTasks } from "./procs";
import { ansibleEnv, extraVarsYaml } from "./run-files";
import type { RolloutStore, RunRow } from "./store";

export interface RunnerEnv {
  store: RolloutStore;
  /** The shipped rollouts/ directory (rolling.yml, hapctl.py, callback_plugins/). */
  playbookDir: string;
  ansiblePlaybook: string;
  monitorMs: number;
  /** How long a cancelled run's `always` sections get before the whole group is stopped. */
  cancelGraceMs: number;
  probe: { maxRequests: number };
}

export interface ActiveRun {
  id: string;
  stop(kind: "cancel" | "timeout", reason: Message): void;
  done: Promise<void>;
}

const nowTs = () => Date.now() / 1000;

/** Starts ansible-playbook for a run already stored as `running`, and follows it to its end. */
export function startRun(env: RunnerEnv, pool: PoolConfig, run: RunRow): ActiveRun {
  const { store } = env;
  // the run's writes go to the database one after another, in the order they happened
  let writes: Promise<void> = Promise.resolve();
  const write = (fn: () => Promise<unknown>): void => {
    writes = writes.then(fn).then(
      () => undefined,
      () => undefined, // the database is away: the stream misses this one, the run goes on
    );
  };
  const emit = (type: string, ts: number, data: unknown): void => write(() => store.append(run.id, type, ts, data));
  const patch = (p: Partial<RunRow>): void => write(() => store.update(run.id, p));
  const gateDir = join(run.runDir, "gate");
  const eventsFile = join(run.runDir, "events.jsonl");
  mkdirSync(gateDir, { recursive: true });
  mkdirSync(join(run.runDir, "tmp"), { recursive: true });
  const hosts = run.batches.flat();
  writeFileSync(
    join(run.runDir, "vars.yml"),
    extraVarsYaml(pool, { hosts, serial: run.serial, maxFailPercentage: run.maxFailPercentage, version: run.version, gateDir }),
  );
  writeFileSync(eventsFile, "");
  const logFd = openSync(join(run.runDir, "ansible.log"), "a");
  const child = spawn(
    env.ansiblePlaybook,
    [join(env.playbookDir, "rolling.yml"), "-i", pool.inventory, "-e", `@${join(run.runDir, "vars.yml")}`],
    {
      cwd: run.runDir,
      detached: true,
      stdio: ["ignore", logFd, logFd],
      env: ansibleEnv(process.env, { callbackDir: join(env.playbookDir, "callback_plugins"), eventsFile, runDir: run.runDir }),
    },
  );
  closeSync(logFd);
  const pgid = child.pid ?? null;
  patch({ pid: pgid });
  const probe = startProbe(pool.probeUrl, {
    maxRequests: env.probe.maxRequests,
    maxMs: pool.timeoutSeconds * 1000,
    intervalMs: pool.probeIntervalMs,
    timeoutMs: pool.probeTimeoutMs,
  });

  let offset = 0;
  let partial = "";
  let last = new Map<string, BackendState>();
  let currentBatch: string[] | null = null;
  let currentIndex = 0;
  let guardStopped = false;
  let stopKind: "cancel" | "timeout" | null = null;
  let stopReason: Message | null = null;
  let lastProbe = { served: -1, failed: -1, at: 0 };
  let lbError = "";

  const writeStop = (text: string) => {
    try {
      writeFileSync(join(gateDir, "STOP"), text);
    } catch {
      /* run dir gone */
    }
  };

  const tail = () => {
    let fd: number;
    try {
      fd = openSync(eventsFile, "r");
    } catch {
      return;
    }
    try {
      const buf = Buffer.alloc(1 << 16);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, offset);
        if (n <= 0) break;
        offset += n;
        partial += buf.subarray(0, n).toString("utf8");
      }
    } finally {
      closeSync(fd);
    }
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const l of lines) {
      const e = parseEventLine(l);
      if (e) emit("ansible", e.ts, e);
    }
  };

  const stopForGuard = (batch: string[], index: number, states: BackendState[], during: boolean) => {
    const d = guardDecision(states, batch, run.minHealthy);
    emit("guard", nowTs(), { batch: index, hosts: batch, ok: d.ok, up: d.up, notUp: d.notUp, during });
    if (d.ok || guardStopped) return d.ok;
    guardStopped = true;
    const r = guardReason(d, batch, index);
    stopReason = { code: during ? "rollouts.stop.capacityDuring" : r.code, params: r.params };
    writeStop(
      `capacity guard: ${d.up.length} backend(s) UP outside batch ${index} (${batch.join(", ")}), minHealthy ${run.minHealthy}; not UP: ${r.params.notUp}`,
    );
    return false;
  };

  const monitor = async () => {
    tail();
    let states: BackendState[] | null = null;
    try {
      states = await readHaproxy(pool);
      lbError = "";
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (msg !== lbError) emit("lb_error", nowTs(), { message: msg });
      lbError = msg;
    }
    if (states) {
      for (const s of states) {
        const prev = last.get(s.host);
        if (!prev || prev.status !== s.status)
          emit("lb", nowTs(), { host: s.host, server: s.server, from: prev?.status ?? null, to: s.status, up: s.up });
      }
      last = new Map(states.map((s) => [s.host, s]));
      // gate requests: the first host of a batch to ask decides for its batch
      let reqs: string[] = [];
      try {
        reqs = readdirSync(gateDir)
          .filter((f) => f.endsWith(".req"))
          .map((f) => f.slice(0, -4));
      } catch {
        /* none */
      }
      for (const host of reqs) {
        if (existsSync(join(gateDir, `${host}.go`)) || existsSync(join(gateDir, "STOP"))) continue;
        const index = run.batches.findIndex((b) => b.includes(host)) + 1;
        if (index === 0) {
          writeStop(`host ${host} is not in this run`);
          continue;
        }
        if (index !== currentIndex) {
          currentIndex = index;
          currentBatch = run.batches[index - 1];
          if (!stopForGuard(currentBatch, index, states, false)) continue;
        }
        writeFileSync(join(gateDir, `${host}.go`), "go");
      }
      if (currentBatch && !guardStopped && !stopKind && currentIndex < run.batches.length) {
        const d = guardDecision(states, currentBatch, run.minHealthy);
        if (!d.ok) stopForGuard(currentBatch, currentIndex, states, true);
      }
    }
    const c = probe.counts;
    if (c.served !== lastProbe.served || c.failed !== lastProbe.failed) {
      patch({ served: c.served, failed: c.failed });
      if (Date.now() - lastProbe.at >= 1000 || c.failed !== lastProbe.failed) {
        emit("probe", nowTs(), { ...c });
        lastProbe = { ...c, at: Date.now() };
      } else lastProbe = { ...lastProbe, served: c.served, failed: c.failed };
    }
  };

  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    monitor()
      .catch((e) => emit("lb_error", nowTs(), { message: String(e) }))
      .finally(() => {
        busy = false;
      });
  }, env.monitorMs);
  const timeout = setTimeout(
    () => active.stop("timeout", { code: "rollouts.stop.timeout", params: { seconds: pool.timeoutSeconds } }),
    pool.timeoutSeconds * 1000,
  );
  const escalations: NodeJS.Timeout[] = [];

  const exited = new Promise<number | null>((res) => {
    child.on("exit", (code, signal) => res(code ?? (signal ? 128 : null)));
    child.on("error", (e) => {
      patch({ error: { code: "rollouts.error.spawn", params: { command: env.ansiblePlaybook, message: e.message } } });
      res(null);
    });
  });

  const done = (async () => {
    const exitCode = await exited;
    clearTimeout(timeout);
    escalations.forEach(clearTimeout);
    if (pgid) killGroup(pgid, "SIGKILL"); // nothing of the run may outlive it
    while (busy) await new Promise((r) => setTimeout(r, 20));
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 500)); // the probe sees the last backend back in rotation
    await monitor();
    await probe.stop();
    tail();
    const c = probe.counts;
    await writes;
    const events = (await store.dataOf(run.id, "ansible")) as AnsibleEvent[];
    const { hosts: results } = reduceEvents(run.batches, events);
    const outcome = classifyOutcome({
      exitCode,
      cancelRequested: stopKind === "cancel",
      timedOut: stopKind === "timeout",
      guardStopped,
      hosts: results,
    });
    let reason: Message | null = stopReason;
    if (outcome.stoppedBy === "max_fail_percentage") {
      const f = results.find((h) => h.status === "failed" || h.status === "unreachable")!;
      reason = {
        code: "rollouts.stop.maxFail",
        params: { host: f.host, task: f.failedTask ?? "", maxFailPercentage: run.maxFailPercentage },
      };
    }
    const final: Partial<RunRow> = {
      status: outcome.status,
      stoppedBy: outcome.stoppedBy,
      stopReason: reason,
      exitCode,
      served: c.served,
      failed: c.failed,
      finishedAt: new Date().toISOString(),
    };
    if (outcome.status === "failed" && !results.some((h) => h.status === "failed") && !(await store.get(run.id))?.error) {
      let logTail = "";
      try {
        logTail = readFileSync(join(run.runDir, "ansible.log"), "utf8").trim().split("\n").slice(-6).join("\n");
      } catch {
        /* none */
      }
      final.error = { code: "rollouts.error.ansible", params: { exitCode: exitCode ?? -1, log: logTail.slice(-1500) } };
    }
    patch(final);
    emit("probe", nowTs(), { ...c });
    emit("status", nowTs(), { status: outcome.status, stoppedBy: outcome.stoppedBy, stopReason: reason });
    await writes;
  })();

  const active: ActiveRun = {
    id: run.id,
    done,
    stop(kind, reason) {
      if (stopKind) return;
      stopKind = kind;
      stopReason = reason;
      writeStop(`${kind}: ${reason.code}`);
      if (!pgid) return;
      // the running tasks fail, each host's `always` restores its health file, the next gate refuses;
      // only if Ansible is still there after the grace period is the whole group stopped
      killTasks(pgid);
      escalations.push(setTimeout(() => killGroup(pgid, "SIGTERM"), env.cancelGraceMs));
      escalations.push(setTimeout(() => killGroup(pgid, "SIGKILL"), env.cancelGraceMs + 5000));
    },
  };
  return active;
}
