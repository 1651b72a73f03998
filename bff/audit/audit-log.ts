import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AuditEntry } from "./audit-schema";

export type { AuditEntry };

export interface AuditLog {
  record(entry: Omit<AuditEntry, "at">): AuditEntry;
  /** Newest first. */
  list(limit?: number): AuditEntry[];
}

/** An append-only JSON-lines audit log; without a file it lives in memory (tests, benches). */
export function createAuditLog(file?: string, now: () => Date = () => new Date()): AuditLog {
  const memory: AuditEntry[] = [];
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file)) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!line.trim()) continue;
        try { memory.push(JSON.parse(line) as AuditEntry); } catch { /* a torn last line is skipped */ }
      }
    }
  }
  return {
    record(entry) {
      const full: AuditEntry = { at: now().toISOString(), ...entry };
      memory.push(full);
      if (file) appendFileSync(file, `${JSON.stringify(full)}\n`);
      return full;
    },
    list: (limit = 200) => memory.slice(-limit).reverse(),
  };
}
