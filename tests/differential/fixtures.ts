import { randomUUID } from "node:crypto";
import { login, send, serviceUrl, type Creds, type Session } from "./session";
import type { Service, Who } from "./types";
import { cephLogin, prepareCeph, type CephCreds } from "./ceph-fixtures";

/** A target with its users logged in and the resources the catalogue's paths name, made for this run. */
export interface Prepared {
  name: string;
  sessions: Record<Exclude<Who, "anon">, Session>;
  urls: Record<string, string>;
  /** Placeholder values for the catalogue's paths and bodies. */
  vars: Record<string, string>;
  /** The Ceph Dashboard token of the BFF's dashboard user (the ceph probes' "admin"). */
  cephToken: string;
  cleanup(): Promise<string[]>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Logs in admin and member, creates a project with its own member user ("other"), and as member a network,
 * a security group, a key pair, a volume, an image record and a server. Every name carries `tag`
 * (e.g. "zt-g-1a2b3c"), and cleanup deletes exactly what was made here, in reverse order.
 */
export async function prepare(
  name: string,
  authUrl: string,
  users: { admin: Creds; member: Creds; ceph: CephCreds },
  tag: string,
): Promise<Prepared> {
  const admin = await login(authUrl, users.admin);
  const member = await login(authUrl, users.member);
  const urls = admin.urls;
  const undo: { what: string; run: () => Promise<number> }[] = [];
  const call = async (s: Session, service: Service, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    send(`${serviceUrl(urls, service, s.projectId)}${path}`, { method, token: s.token, body, headers });
  const must = async (what: string, p: Promise<Awaited<ReturnType<typeof call>>>, ok: number[]) => {
    const r = await p;
    if (!ok.includes(r.status)) throw new Error(`${name}: ${what} answered ${r.status}: ${r.text.slice(0, 300)}`);
    return r;
  };
  const later = (what: string, s: Session, service: Service, path: string, headers?: Record<string, string>) =>
    undo.push({ what, run: async () => (await call(s, service, "DELETE", path, undefined, headers)).status });

  const vars: Record<string, string> = {
    tag,
    missing: randomUUID(),
    member_project: member.projectId,
    admin_project: admin.projectId,
    member_user: member.userId,
    member_token: member.token,
  };
  let cephToken = "";
  try {
    // The Ceph Dashboard: a token and a small RBD tree (ceph-fixtures.ts).
    const dash = serviceUrl(urls, "ceph");
    cephToken = await cephLogin(dash, { username: users.ceph.username, password: users.ceph.password });
    Object.assign(vars, await prepareCeph(name, dash, cephToken, tag, undo), {
      ceph_user: users.ceph.username,
      ceph_password: users.ceph.password,
    });

    // Keystone: a second project with its own member, the "other" user.
    const password = `Zt-${randomUUID()}`;
    const project = (
      await must(
        "create project",
        call(admin, "identity", "POST", "/projects", {
          project: { name: `${tag}-other`, domain_id: "default", description: "zenith differential suite" },
        }),
        [201],
      )
    ).json.project;
    later("project", admin, "identity", `/projects/${project.id}`);
    const user = (
      await must(
        "create user",
        call(admin, "identity", "POST", "/users", {
          user: { name: `${tag}-other`, domain_id: "default", password, default_project_id: project.id },
        }),
        [201],
      )
    ).json.user;
    later("user", admin, "identity", `/users/${user.id}`);
    const role = (await must("find role member", call(admin, "identity", "GET", "/roles?name=member"), [200])).json.roles[0];
    await must("grant member", call(admin, "identity", "PUT", `/projects/${project.id}/users/${user.id}/roles/${role.id}`), [204]);
    const other = await login(authUrl, { username: user.name, password, userDomain: "Default", project: project.name });
    Object.assign(vars, { other_project: project.id, other_user: user.id, member_role: role.id });

    const hyp = (
      await must(
        "list hypervisors",
        call(admin, "compute", "GET", "/os-hypervisors", undefined, { "OpenStack-API-Version": "compute 2.53" }),
        [200],
      )
    ).json.hypervisors[0];
    if (!hyp) throw new Error(`${name}: no hypervisor`);
    const vtype = (await must("default volume type", call(member, "volumev3", "GET", "/types/default"), [200])).json.volume_type;
    Object.assign(vars, { hypervisor: String(hyp.id), volume_type: vtype.name });
    const dhcp = (await must("list DHCP agents", call(admin, "network", "GET", "/v2.0/agents?agent_type=DHCP%20agent"), [200])).json
      .agents[0];
    if (!dhcp) throw new Error(`${name}: no DHCP agent`);
    vars.dhcp_agent = dhcp.id;

    // Member's resources.
    const net = (
      await must("create network", call(member, "network", "POST", "/v2.0/networks", { network: { name: `${tag}-net` } }), [201])
    ).json.network;
    later("network", member, "network", `/v2.0/networks/${net.id}`);
    const sg = (
      await must(
        "create security group",
        call(member, "network", "POST", "/v2.0/security-groups", { security_group: { name: `${tag}-sg` } }),
        [201],
      )
    ).json.security_group;
    later("security group", member, "network", `/v2.0/security-groups/${sg.id}`);
    const kp = `${tag}-kp`;
    await must("create key pair", call(member, "compute", "POST", "/os-keypairs", { keypair: { name: kp } }), [200, 201]);
    later("key pair", member, "compute", `/os-keypairs/${kp}`);
    // A second volume type (admin), for a retype; made before the volume, so it is removed after it.
    const vt = (
      await must("create volume type", call(admin, "volumev3", "POST", "/types", { volume_type: { name: `${tag}-type` } }), [200])
    ).json.volume_type;
    later("volume type", admin, "volumev3", `/types/${vt.id}`);
    vars.other_volume_type = vt.name;
    const vol = (
      await must("create volume", call(member, "volumev3", "POST", "/volumes", { volume: { name: `${tag}-vol`, size: 1 } }), [202])
    ).json.volume;
    later("volume", member, "volumev3", `/volumes/${vol.id}`);
    const img = (
      await must(
        "create image",
        call(member, "image", "POST", "/v2/images", { name: `${tag}-img`, disk_format: "raw", container_format: "bare" }),
        [201],
      )
    ).json;
    later("image", member, "image", `/v2/images/${img.id}`);
    // An image with data (a few bytes), for downloads.
    const data = (
      await must(
        "create image with data",
        call(member, "image", "POST", "/v2/images", { name: `${tag}-data`, disk_format: "raw", container_format: "bare" }),
        [201],
      )
    ).json;
    later("image with data", member, "image", `/v2/images/${data.id}`);
    await must(
      "upload image data",
      call(member, "image", "PUT", `/v2/images/${data.id}/file`, `zenith differential ${tag}`, {
        "Content-Type": "application/octet-stream",
      }),
      [204],
    );
    for (let i = 0; i < 60; i++) {
      if ((await call(member, "image", "GET", `/v2/images/${data.id}`)).json?.status === "active") break;
      await sleep(500);
    }
    Object.assign(vars, { network: net.id, sg: sg.id, keypair: kp, volume: vol.id, image: img.id, image_data: data.id });

    // L3: an admin-made external network with a subnet, and the member's own network, subnet, port and router.
    const ext = (
      await must(
        "create external network",
        call(admin, "network", "POST", "/v2.0/networks", { network: { name: `${tag}-ext`, "router:external": true } }),
        [201],
      )
    ).json.network;
    later("external network", admin, "network", `/v2.0/networks/${ext.id}`);
    await must(
      "create external subnet",
      call(admin, "network", "POST", "/v2.0/subnets", { subnet: { network_id: ext.id, cidr: "198.51.100.0/24", ip_version: 4 } }),
      [201],
    );
    const l3net = (
      await must("create L3 network", call(member, "network", "POST", "/v2.0/networks", { network: { name: `${tag}-l3` } }), [201])
    ).json.network;
    later("L3 network", member, "network", `/v2.0/networks/${l3net.id}`);
    const l3subnet = (
      await must(
        "create L3 subnet",
        call(member, "network", "POST", "/v2.0/subnets", { subnet: { network_id: l3net.id, cidr: "10.97.0.0/24", ip_version: 4 } }),
        [201],
      )
    ).json.subnet;
    const port = (await must("create L3 port", call(member, "network", "POST", "/v2.0/ports", { port: { network_id: l3net.id } }), [201]))
      .json.port;
    later("L3 port", member, "network", `/v2.0/ports/${port.id}`);
    const router = (
      await must("create router", call(member, "network", "POST", "/v2.0/routers", { router: { name: `${tag}-router` } }), [201])
    ).json.router;
    undo.push({
      what: "router",
      run: async () => {
        await call(member, "network", "PUT", `/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: l3subnet.id });
        return (await call(member, "network", "DELETE", `/v2.0/routers/${router.id}`)).status;
      },
    });
    Object.assign(vars, { ext_network: ext.id, int_subnet: l3subnet.id, int_port: port.id, router: router.id });

    // A server from the smallest public raw image, without a network (2.37 "none").
    const images = (
      await must("list images", call(member, "image", "GET", "/v2/images?visibility=public&disk_format=raw&status=active"), [200])
    ).json.images;
    const boot = images.sort((a: any, b: any) => (a.size ?? 0) - (b.size ?? 0))[0];
    const flavors = (await must("list flavors", call(member, "compute", "GET", "/flavors/detail"), [200])).json.flavors;
    const flavor = flavors
      .filter((f: any) => f.disk === 0 || f.disk * 1024 ** 3 >= (boot?.size ?? 0))
      .sort((a: any, b: any) => a.ram - b.ram)[0];
    if (!boot || !flavor) throw new Error(`${name}: no public raw image or no flavor to boot`);
    const mv = { "OpenStack-API-Version": "compute 2.37" };
    const srv = (
      await must(
        "boot server",
        call(
          member,
          "compute",
          "POST",
          "/servers",
          { server: { name: `${tag}-srv`, imageRef: boot.id, flavorRef: flavor.id, networks: "none" } },
          mv,
        ),
        [202],
      )
    ).json.server;
    later("server", member, "compute", `/servers/${srv.id}`);
    Object.assign(vars, { server: srv.id, flavor: flavor.id, public_image: boot.id });
    for (let i = 0; i < 120; i++) {
      const s = (await call(member, "compute", "GET", `/servers/${srv.id}`)).json?.server;
      if (s?.status === "ACTIVE") break;
      if (s?.status === "ERROR") throw new Error(`${name}: server ${srv.id} went to ERROR: ${JSON.stringify(s.fault)}`);
      await sleep(1000);
    }
    for (let i = 0; i < 120; i++) {
      const v = (await call(member, "volumev3", "GET", `/volumes/${vol.id}`)).json?.volume;
      if (v?.status === "available") break;
      if (v?.status === "error") throw new Error(`${name}: volume ${vol.id} went to error`);
      await sleep(1000);
    }
    return { name, sessions: { admin, member, other }, urls, vars, cephToken, cleanup: () => runUndo(undo) };
  } catch (e) {
    await runUndo(undo);
    throw e;
  }
}

/** Deletes in reverse order; a server is waited for before the rest, so its ports and disks are gone. Returns what failed. */
async function runUndo(undo: { what: string; run: () => Promise<number> }[]): Promise<string[]> {
  const failed: string[] = [];
  for (const u of undo.reverse()) {
    let status = 0;
    for (let i = 0; i < 30; i++) {
      status = await u.run().catch(() => 0);
      if ([200, 202, 204, 404].includes(status) && !(u.what === "server" && status !== 404)) break;
      if (u.what !== "server" && ![0, 400, 409, 500, 503].includes(status)) break;
      await sleep(1000);
    }
    if (![204, 202, 200, 404].includes(status)) failed.push(`${u.what}: ${status}`);
  }
  return failed;
}
