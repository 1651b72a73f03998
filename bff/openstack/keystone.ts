import type { Http } from "./http";
import type { Catalog } from "./catalog";

export interface KeystoneToken {
  expires_at: string;
  issued_at: string;
  methods: string[];
  user: { id: string; name: string; domain: { id: string; name: string } };
  project?: { id: string; name: string; domain: { id: string; name: string } };
  roles?: { id: string; name: string }[];
  catalog?: Catalog;
  application_credential?: { id: string; name: string; restricted: boolean };
}
export interface KeystoneProject {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
}

export type Credentials =
  | { kind: "password"; username: string; password: string; userDomain: string }
  | { kind: "application_credential"; id: string; secret: string }
  | { kind: "token"; token: string };

export type ProjectScope = { id: string } | { name: string; domain: string };

function authBody(creds: Credentials, scope?: ProjectScope) {
  const identity =
    creds.kind === "password"
      ? {
          methods: ["password"],
          password: { user: { name: creds.username, domain: { name: creds.userDomain }, password: creds.password } },
        }
      : creds.kind === "application_credential"
        ? { methods: ["application_credential"], application_credential: { id: creds.id, secret: creds.secret } }
        : { methods: ["token"], token: { id: creds.token } };
  const project = scope && ("id" in scope ? { id: scope.id } : { name: scope.name, domain: { name: scope.domain } });
  return { auth: { identity, ...(project ? { scope: { project } } : {}) } };
}

/** Keystone v3 calls the session needs. The auth URL comes from config; everything else from the catalog. */
export function createKeystone(http: Http, authUrl: string) {
  return {
    async authenticate(creds: Credentials, scope?: ProjectScope): Promise<{ token: string; body: KeystoneToken }> {
      const res = await http.checked({ service: "identity", method: "POST", url: `${authUrl}/auth/tokens`, json: authBody(creds, scope) });
      const token = res.headers.get("X-Subject-Token");
      if (!token) throw new Error("Keystone answered without an X-Subject-Token header");
      const body = (await res.json()) as { token: KeystoneToken };
      return { token, body: body.token };
    },
    async validate(token: string): Promise<KeystoneToken> {
      const body = await http.json<{ token: KeystoneToken }>({
        service: "identity",
        url: `${authUrl}/auth/tokens`,
        token,
        headers: { "X-Subject-Token": token },
      });
      return body.token;
    },
    async revoke(token: string): Promise<void> {
      await http.checked({
        service: "identity",
        method: "DELETE",
        url: `${authUrl}/auth/tokens`,
        token,
        headers: { "X-Subject-Token": token },
      });
    },
    async projects(token: string): Promise<KeystoneProject[]> {
      const body = await http.json<{ projects: KeystoneProject[] }>({ service: "identity", url: `${authUrl}/auth/projects`, token });
      return body.projects.filter((p) => p.enabled !== false);
    },
  };
}

export type Keystone = ReturnType<typeof createKeystone>;
