/**
 * A bounded outage of one real-tier process, under the fault lock the tests share with colleagues on the tier
 * (`flock /tmp/zenith-real-fault.lock`). Free of vitest, so the Playwright specs use it too (e2e on the real target).
 */
import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const FAULT_LOCK = "/tmp/zenith-real-fault.lock";
const OUTAGE_SH = fileURLToPath(new URL("../scripts/real-cloud/outage.sh", import.meta.url));
export type OutageMode = "stop" | "refuse";

/**
 * A bounded outage of one real-tier process (`name` as in pids/, `port` what it listens on) under the fault lock:
 * `stop` SIGSTOPs its process group (it hangs), `refuse` resets connections to its port (as if it were gone).
 * Resolves once the outage is in place, with the function that ends it. Ending it closes the holder's stdin (outage.sh
 * restores on that, on a signal, or after 25 s at most), then runs `outage.sh … restore` under the lock, which sends
 * SIGCONT and drops the rule again and fails if any process of the group is still stopped. Call it in a finally.
 */
export async function realOutage(name: string, port: number, mode: OutageMode): Promise<() => Promise<void>> {
  const child = spawn("flock", ["-w", "240", FAULT_LOCK, "bash", OUTAGE_SH, name, String(port), mode], { detached: true });
  let out = "",
    err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const restore = async () => {
    await promisify(execFile)("flock", ["-w", "120", FAULT_LOCK, "bash", OUTAGE_SH, name, String(port), "restore"]);
  };
  try {
    await new Promise<void>((resolve_, reject) => {
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("out")) resolve_();
      });
      void exited.then((code) => reject(new Error(`outage.sh ${name} ${mode} exited ${code} before the outage: ${err}`)));
    });
  } catch (e) {
    await restore();
    throw e;
  }
  return async () => {
    child.stdin.end();
    const code = await exited;
    await restore();
    if (code !== 0) throw new Error(`outage.sh ${name} ${mode} exited ${code} while restoring: ${err}`);
  };
}
