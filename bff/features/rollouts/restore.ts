import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PoolConfig } from "./config";
import { ansibleEnv, extraVarsYaml } from "./run-files";
import type { RunRow } from "./store";

export interface RestoreResult {
  ok: boolean;
  exitCode: number | null;
  log: string;
}

/**
 * Restores the health files of an interrupted run's hosts with rolling.yml's own restore tasks (restore.yml),
 * from a directory of this replica's (`dir`). Resolves when Ansible exits; never throws.
 */
export function restoreHealthFiles(
  env: { ansiblePlaybook: string; playbookDir: string },
  pool: PoolConfig,
  run: RunRow,
  dir: string,
): Promise<RestoreResult> {
  return new Promise((res) => {
    try {
      mkdirSync(join(dir, "tmp"), { recursive: true });
      const vars = join(dir, "restore-vars.yml");
      writeFileSync(
        vars,
        extraVarsYaml(pool, {
          hosts: run.batches.flat(),
          serial: run.serial,
          maxFailPercentage: run.maxFailPercentage,
          version: run.version,
          gateDir: join(dir, "gate"),
        }),
      );
      const logFile = join(dir, "restore.log");
      const logFd = openSync(logFile, "a");
      const child = spawn(env.ansiblePlaybook, [join(env.playbookDir, "restore.yml"), "-i", pool.inventory, "-e", `@${vars}`], {
        cwd: dir,
        stdio: ["ignore", logFd, logFd],
        env: ansibleEnv(process.env, {
          callbackDir: join(env.playbookDir, "callback_plugins"),
          eventsFile: join(dir, "restore-events.jsonl"),
          runDir: dir,
        }),
      });
      closeSync(logFd);
      const tail = () => {
        try {
          return readFileSync(logFile, "utf8").trim().split("\n").slice(-6).join("\n").slice(-1500);
        } catch {
          return "";
        }
      };
      child.on("error", (e) => res({ ok: false, exitCode: null, log: e.message }));
      child.on("exit", (code) => res({ ok: code === 0, exitCode: code, log: tail() }));
    } catch (e) {
      res({ ok: false, exitCode: null, log: e instanceof Error ? e.message : String(e) });
    }
  });
}
