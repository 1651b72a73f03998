import { readdirSync, readFileSync } from "node:fs";

/** PIDs in a process group with their command lines, from /proc (Linux). */
export function groupMembers(pgid: number): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  let dirs: string[] = [];
  try {
    dirs = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const d of dirs) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) !== pgid) continue;
      out.push({ pid: Number(d), cmdline: readFileSync(`/proc/${d}/cmdline`, "utf8").replace(/\0/g, " ").trim() });
    } catch {
      /* gone */
    }
  }
  return out;
}

/**
 * Stops the tasks a rollout is running without stopping Ansible itself: every member of the group that is
 * not ansible-playbook (its module processes) gets SIGTERM, so the task fails and the play's `always`
 * section still runs and restores the health file.
 */
export function killTasks(pgid: number): number {
  let n = 0;
  for (const m of groupMembers(pgid)) {
    if (m.cmdline.includes("ansible-playbook")) continue;
    try {
      process.kill(m.pid, "SIGTERM");
      n++;
    } catch {
      /* gone */
    }
  }
  return n;
}

export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
