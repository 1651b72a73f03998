import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { requestShape } from "../../sim/core/request-counter";
import { sumOf, type UpstreamCounter } from "./upstream";

/**
 * One service's request lines in its own log on the real tier (scripts/real-cloud writes them under
 * /tmp/zenith-real/logs). `who` is the request context's user id where the line carries one; null means
 * the line names no user (Keystone's uwsgi lines, the Ceph Dashboard's, unauthenticated requests).
 */
interface LogSpec {
  service: string;
  file: string;
  /**
   * Matches one request line; `ctx` is the request context ("None req-… <user> <project> …" or "-") when logged,
   * and `req` (or `method` and `path`) the request.
   */
  line: RegExp;
}

const SPECS: LogSpec[] = [
  // uwsgi's own access line: Keystone logs no user with it.
  { service: "identity", file: "keystone.log", line: /^\[pid: \d+\|app: \d+\|req: [\d/]+\] \S+ .*\] (?<req>[A-Z]+ \S+) => generated/ },
  // oslo request log, one per API request (the uwsgi line after it is the same request).
  {
    service: "compute",
    file: "nova-api.log",
    line: /nova\.api\.openstack\.requestlog \[(?<ctx>[^\]]*)\] \S+ "(?<req>[A-Z]+ \S+)" status:/,
  },
  {
    service: "image",
    file: "glance-api.log",
    line: /eventlet\.wsgi\.server \[(?<ctx>[^\]]*)\] \S+ - - \[[^\]]*\] "(?<req>[A-Z]+ \S+) HTTP/,
  },
  {
    service: "volume",
    file: "cinder-api.log",
    line: /eventlet\.wsgi\.server \[(?<ctx>[^\]]*)\] \S+ "(?<req>[A-Z]+ \S+) HTTP\/[\d.]+" status:/,
  },
  {
    service: "network",
    file: "neutron-server.log",
    line: /neutron\.wsgi \[(?<ctx>[^\]]*)\] \S+ "(?<req>[A-Z]+ \S+) HTTP\/[\d.]+" status:/,
  },
  // The Ceph Dashboard's access line names its own account (the one Zenith shares), not an OpenStack user.
  {
    service: "ceph",
    file: "ceph-mgr.x.log",
    line: /\[dashboard INFO request\] \[[^\]]*\] \[(?<method>[A-Z]+)\] \[\d+\] (?:\[[^\]]*\] ){3}(?<path>\S+)/,
  },
];

/** The user id in an oslo request context "None req-<id> <user> <project> - - default default", if any. */
export function contextUser(context: string | undefined): string | null {
  const parts = (context ?? "").trim().split(/\s+/);
  const at = parts.findIndex((p) => p.startsWith("req-"));
  const user = at >= 0 ? parts[at + 1] : undefined;
  return user && /^[0-9a-f]{32}$/.test(user) ? user : null;
}

/** Size of each log file now: the mark a view starts from. */
function offsets(dir: string): Record<string, number> {
  return Object.fromEntries(SPECS.map((s) => [s.file, size(join(dir, s.file))]));
}

function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Complete lines written to `path` between two byte offsets (a line still being written is left for later). */
function linesBetween(path: string, from: number, to: number): string[] {
  if (to <= from) return [];
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(to - from);
    readSync(fd, buf, 0, buf.length, from);
    const text = buf.toString("utf8");
    return text
      .slice(0, text.lastIndexOf("\n") + 1)
      .split("\n")
      .filter(Boolean);
  } finally {
    closeSync(fd);
  }
}

/**
 * Counts each service's request lines written since a mark. Lines that carry a user count for the view only
 * when the user is `userId` (the bench's own user), the rest go to `others`; lines that carry none (Keystone,
 * Ceph) all count for the view, since their logs cannot tell clients apart.
 */
export function realLogCounter(dir: string, userId: () => string): UpstreamCounter {
  return {
    mark: async () => offsets(dir),
    async since(mark) {
      // The services log a request once they have answered it; give the last line a moment to land.
      await new Promise((r) => setTimeout(r, 300));
      const before = mark as Record<string, number>;
      const byService: Record<string, number> = {};
      const others: Record<string, number> = {};
      const byRequest: Record<string, number> = {};
      for (const spec of SPECS) {
        for (const line of linesBetween(join(dir, spec.file), before[spec.file] ?? 0, size(join(dir, spec.file)))) {
          const m = spec.line.exec(line);
          if (!m) continue;
          const attributable = m.groups?.ctx !== undefined;
          const mine = !attributable || contextUser(m.groups?.ctx) === userId();
          const bucket = mine ? byService : others;
          bucket[spec.service] = (bucket[spec.service] ?? 0) + 1;
          if (mine) {
            const key = `${spec.service} ${requestShape(m.groups?.req ?? `${m.groups?.method} ${m.groups?.path}`)}`;
            byRequest[key] = (byRequest[key] ?? 0) + 1;
          }
        }
      }
      return { byService, total: sumOf(byService), others, byRequest };
    },
  };
}
