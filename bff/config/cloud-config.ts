import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

/** Environment variables, as a plain map (tests pass their own). */
export type Env = Record<string, string | undefined>;

/** Where the cloud is and how to reach it, resolved once at start-up in the ecosystem's conventions. */
export interface CloudConfig {
  /** Keystone v3 URL, always ending in /v3. */
  authUrl: string;
  /** Region to pick endpoints from; undefined means the first region in the catalog. */
  region?: string;
  interface: "public" | "internal" | "admin";
  /** Where the settings came from, for the logs and the admin page. */
  source: "ZENITH_AUTH_URL" | "OS_AUTH_URL" | "OS_CLOUD" | "embedded";
  /** Defaults for the login form when clouds.yaml names them. */
  userDomain: string;
  projectDomain: string;
}

const INTERFACES = ["public", "internal", "admin"] as const;

/** Ensures a Keystone URL ends with /v3 (clouds.yaml often gives the unversioned root). */
export function normaliseAuthUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

function normaliseInterface(v: string | undefined): CloudConfig["interface"] {
  const s = (v ?? "public").replace(/URL$/i, "").toLowerCase();
  if ((INTERFACES as readonly string[]).includes(s)) return s as CloudConfig["interface"];
  throw new Error(`OS_INTERFACE must be one of ${INTERFACES.join(", ")}, got '${v}'`);
}

/** clouds.yaml search path, as openstacksdk defines it. */
export function cloudsYamlPaths(env: Env, cwd = process.cwd()): string[] {
  if (env.OS_CLIENT_CONFIG_FILE) return [env.OS_CLIENT_CONFIG_FILE];
  return [join(cwd, "clouds.yaml"), join(homedir(), ".config/openstack/clouds.yaml"), "/etc/openstack/clouds.yaml"];
}

export function loadCloudConfig(env: Env = process.env, cwd = process.cwd()): CloudConfig {
  const iface = normaliseInterface(env.OS_INTERFACE);
  const region = env.OS_REGION_NAME || undefined;
  const domains = {
    userDomain: env.OS_USER_DOMAIN_NAME ?? "Default",
    projectDomain: env.OS_PROJECT_DOMAIN_NAME ?? "Default",
  };
  if (env.ZENITH_AUTH_URL)
    return { authUrl: normaliseAuthUrl(env.ZENITH_AUTH_URL), region, interface: iface, source: "ZENITH_AUTH_URL", ...domains };
  if (env.OS_AUTH_URL) return { authUrl: normaliseAuthUrl(env.OS_AUTH_URL), region, interface: iface, source: "OS_AUTH_URL", ...domains };
  if (env.OS_CLOUD) {
    const file = cloudsYamlPaths(env, cwd).find((p) => existsSync(p));
    if (!file) throw new Error(`OS_CLOUD=${env.OS_CLOUD} but no clouds.yaml was found in ${cloudsYamlPaths(env, cwd).join(", ")}`);
    const doc = parse(readFileSync(file, "utf8")) as { clouds?: Record<string, any> };
    const cloud = doc?.clouds?.[env.OS_CLOUD];
    if (!cloud?.auth?.auth_url) throw new Error(`clouds.yaml ${file} has no cloud '${env.OS_CLOUD}' with auth.auth_url`);
    return {
      authUrl: normaliseAuthUrl(cloud.auth.auth_url),
      region: region ?? cloud.region_name,
      interface: env.OS_INTERFACE ? iface : normaliseInterface(cloud.interface),
      source: "OS_CLOUD",
      userDomain: cloud.auth.user_domain_name ?? cloud.auth.user_domain_id ?? domains.userDomain,
      projectDomain: cloud.auth.project_domain_name ?? cloud.auth.project_domain_id ?? domains.projectDomain,
    };
  }
  const port = env.SIM_PORT ?? "5055";
  return { authUrl: `http://127.0.0.1:${port}/identity/v3`, region, interface: iface, source: "embedded", ...domains };
}
