import { randomBytes } from "node:crypto";

/**
 * A Keystone user of the bench's own on the real tier (admin role on the admin project, as the DHCP view needs),
 * so that the services' logs can tell its requests from other clients'. Made with the admin account from
 * endpoints.json and deleted when the bench ends.
 */
export interface BenchUser {
  id: string;
  username: string;
  password: string;
  remove(): Promise<void>;
}

interface AdminAccount {
  username: string;
  password: string;
  project: string;
}

export async function createBenchUser(authUrl: string, admin: AdminAccount): Promise<BenchUser> {
  const token = await adminToken(authUrl, admin);
  const call = async (method: string, path: string, body?: unknown) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(`${authUrl}${path}`, {
      method,
      headers: { "X-Auth-Token": token, ...(payload ? { "content-type": "application/json" } : {}) },
      body: payload,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Keystone ${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  };
  const project = (await call("GET", `/projects?name=${encodeURIComponent(admin.project)}`)).projects[0];
  const role = (await call("GET", "/roles?name=admin")).roles[0];
  if (!project || !role) throw new Error(`Keystone: no project '${admin.project}' or no role 'admin'`);
  const username = `zenith-bench-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const user = (await call("POST", "/users", { user: { name: username, password, domain_id: "default", default_project_id: project.id } }))
    .user;
  try {
    await call("PUT", `/projects/${project.id}/users/${user.id}/roles/${role.id}`);
  } catch (err) {
    await call("DELETE", `/users/${user.id}`);
    throw err;
  }
  return { id: user.id, username, password, remove: async () => void (await call("DELETE", `/users/${user.id}`)) };
}

async function adminToken(authUrl: string, admin: AdminAccount): Promise<string> {
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: admin.username, domain: { id: "default" }, password: admin.password } },
        },
        scope: { project: { name: admin.project, domain: { id: "default" } } },
      },
    }),
  });
  const token = res.headers.get("x-subject-token");
  if (res.status !== 201 || !token) throw new Error(`Keystone admin sign-in failed: ${res.status} ${await res.text()}`);
  return token;
}
