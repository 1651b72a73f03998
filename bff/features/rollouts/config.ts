import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const relPath = z.string().min(1);

/** One pool in ZENITH_ROLLOUTS_CONFIG. Relative paths are resolved against the file's directory. */
export const PoolConfigSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "lower-case letters, digits, - and _ (at most 40)"),
    description: z.string().default(""),
    inventory: relPath,
    /** Inventory hosts in rollout order; each is the HAProxy server of the same name unless `haproxy.servers` maps it. */
    hosts: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "an inventory host name")).min(1),
    haproxy: z
      .object({
        socket: relPath.optional(),
        statsUrl: z.string().url().optional(),
        backend: z.string().min(1),
        servers: z.record(z.string(), z.string()).default({}),
      })
      .refine((h) => h.socket || h.statsUrl, "give socket (the runtime API) or statsUrl (the CSV stats page)"),
    /** The traffic probe's URL: the pool's frontend on 127.0.0.1. */
    probeUrl: z
      .string()
      .url()
      .refine((u) => ["127.0.0.1", "localhost", "[::1]"].includes(new URL(u).hostname), "must be on 127.0.0.1"),
    /** Pause between probe requests (one at a time). */
    probeIntervalMs: z.number().int().min(0).max(10_000).default(10),
    /** A probe request that takes longer than this counts as failed (a slow service, such as Keystone, needs more). */
    probeTimeoutMs: z.number().int().min(100).max(60_000).default(2000),
    /** The health file on each host; Ansible expressions ({{ docroot }}) are allowed. */
    healthFile: z.string().min(1),
    healthContent: z.string().default("OK\n"),
    update: z
      .object({
        tasks: relPath.optional(),
        role: z.string().optional(),
        vars: z.record(z.string(), z.unknown()).default({}),
      })
      .refine((u) => Boolean(u.tasks) !== Boolean(u.role), "give exactly one of tasks (a tasks file) or role"),
    minHealthy: z.number().int().min(0),
    /** false only for the negative control: restart without draining. */
    drain: z.boolean().default(true),
    waitTimeoutSeconds: z.number().int().min(1).max(600).default(30),
    timeoutSeconds: z.number().int().min(10).max(86_400).default(1800),
  })
  .refine((p) => p.minHealthy <= p.hosts.length, { message: "minHealthy exceeds the number of hosts", path: ["minHealthy"] });
export type PoolConfig = z.infer<typeof PoolConfigSchema>;

export const RolloutsConfigSchema = z
  .object({ pools: z.array(PoolConfigSchema).min(1) })
  .refine((c) => new Set(c.pools.map((p) => p.name)).size === c.pools.length, "pool names must be unique");

export type RolloutsConfigState =
  | { state: "unconfigured" }
  | { state: "invalid"; file: string; message: string }
  | { state: "ok"; file: string; pools: PoolConfig[] };

/** Validates parsed YAML and resolves relative paths; pure. */
export function parseRolloutsConfig(raw: unknown, file: string): RolloutsConfigState {
  const r = RolloutsConfigSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { state: "invalid", file, message: `${i.path.map(String).join(".") || "(file)"}: ${i.message}` };
  }
  const base = dirname(file);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const pools = r.data.pools.map((p) => ({
    ...p,
    inventory: abs(p.inventory),
    haproxy: { ...p.haproxy, socket: p.haproxy.socket ? abs(p.haproxy.socket) : undefined },
    update: { ...p.update, tasks: p.update.tasks ? abs(p.update.tasks) : undefined },
  }));
  return { state: "ok", file, pools };
}

/** Reads the file named by ZENITH_ROLLOUTS_CONFIG; a bad file is a state to show, never a throw. */
export function loadRolloutsConfig(file: string | undefined): RolloutsConfigState {
  if (!file) return { state: "unconfigured" };
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { state: "invalid", file, message: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
  return parseRolloutsConfig(raw, resolve(file));
}
