import { stringify } from "yaml";
import type { PoolConfig } from "./config";
import { serverOf } from "./haproxy";
import { VERSION_PATTERN } from "./plan";

/**
 * The extra-vars file for rolling.yml. Every value comes from the pool's configuration except the version,
 * which must match VERSION_PATTERN and is tagged !unsafe so Ansible never templates it.
 */
export function extraVarsYaml(
  pool: PoolConfig,
  p: { hosts: string[]; serial: string; maxFailPercentage: number; version: string; gateDir: string },
): string {
  if (!VERSION_PATTERN.test(p.version)) throw new Error(`version '${p.version}' does not match ${VERSION_PATTERN}`);
  const vars: Record<string, unknown> = {
    ...pool.update.vars,
    rollout_pool: pool.name,
    rollout_hosts: p.hosts.join(":"),
    rollout_serial: p.serial,
    rollout_max_fail_percentage: p.maxFailPercentage,
    rollout_haproxy_socket: pool.haproxy.socket ?? "",
    rollout_haproxy_csv_url: pool.haproxy.statsUrl ?? "",
    rollout_haproxy_backend: pool.haproxy.backend,
    rollout_servers: Object.fromEntries(pool.hosts.map((h) => [h, serverOf(pool, h)])),
    rollout_gate_dir: p.gateDir,
    rollout_drain: pool.drain,
    rollout_wait_timeout: pool.waitTimeoutSeconds,
    rollout_health_file: pool.healthFile,
    rollout_health_content: pool.healthContent,
    rollout_update_tasks: pool.update.tasks ?? "",
    rollout_update_role: pool.update.role ?? "",
  };
  return `${stringify(vars)}rollout_version: !unsafe ${JSON.stringify(p.version)}\ndeploy_version: !unsafe ${JSON.stringify(p.version)}\n`;
}

/** The environment ansible-playbook runs with: the JSON-lines callback on, no colour, no retry files. */
export function ansibleEnv(base: NodeJS.ProcessEnv, p: { callbackDir: string; eventsFile: string; runDir: string }): NodeJS.ProcessEnv {
  return {
    ...base,
    ANSIBLE_CALLBACK_PLUGINS: p.callbackDir,
    ANSIBLE_CALLBACKS_ENABLED: "jsonl_events",
    JSONL_EVENTS_PATH: p.eventsFile,
    ANSIBLE_NOCOLOR: "1",
    ANSIBLE_FORCE_COLOR: "0",
    ANSIBLE_RETRY_FILES_ENABLED: "False",
    ANSIBLE_HOST_KEY_CHECKING: "False",
    ANSIBLE_PIPELINING: "True",
    ANSIBLE_LOCAL_TEMP: `${p.runDir}/tmp`,
    ANSIBLE_FORKS: "10",
    PYTHONUNBUFFERED: "1",
  };
}
