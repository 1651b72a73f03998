import { target, type TargetUser } from "../../tests/target";

/** A Keystone session for integration tests: token, project and the catalog's public URLs by service type. */
export interface OsSession {
  token: string;
  projectId: string;
  endpoint(type: string): string;
  /** fetch against a service: `call("network", "/v2.0/networks")`. */
  call(type: string, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export async function login(who: "admin" | "demo"): Promise<OsSession> {
  const u: TargetUser = target.users[who];
  const res = await fetch(`${target.authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: u.username, domain: { name: u.userDomain }, password: u.password } } },
        scope: { project: { name: u.project, domain: { name: "Default" } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`login as ${who}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const token = res.headers.get("x-subject-token")!;
  const urls = new Map<string, string>();
  for (const svc of body.token.catalog) {
    const e = svc.endpoints.find((x: { interface: string }) => x.interface === "public");
    if (e) urls.set(svc.type, String(e.url).replace(/\/$/, ""));
  }
  const endpoint = (type: string) => {
    const url = urls.get(type);
    if (!url) throw new Error(`no ${type} endpoint in the catalog`);
    return url;
  };
  return {
    token,
    projectId: body.token.project.id,
    endpoint,
    call: (type, path, init = {}) => {
      const { json, ...rest } = init;
      const headers: Record<string, string> = {
        "X-Auth-Token": token,
        Accept: "application/json",
        ...(rest.headers as Record<string, string>),
      };
      if (json !== undefined) headers["Content-Type"] = "application/json";
      return fetch(`${endpoint(type)}${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
  };
}
