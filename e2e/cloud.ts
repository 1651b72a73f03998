import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Which cloud the Playwright project drives: the embedded sim, or the real tier (scripts/real-cloud). */
export type Target = "sim" | "real";

const simUrl = process.env.E2E_SIM_URL ?? `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 5155}`;

/** The real tier's endpoints.json, written by `scripts/real-cloud/real-cloud.sh up`. */
export function realEndpoints(): Record<string, any> {
  const dir = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
  return JSON.parse(readFileSync(join(dir, "endpoints.json"), "utf8"));
}

/**
 * What a spec may rely on in each target's seed. The sim's is sim/scenarios; the real tier's is
 * scripts/real-cloud/cloudctl.py (two images, two flavors, one shared network on one DHCP agent).
 */
export interface Seed {
  /** A raw image in this cluster: both boot paths clone it. */
  rawImage: string;
  /** An image whose copy into a new volume outlasts Nova's volume wait, and the clone check that fails for it. */
  copyImage: string;
  copyFailingCheck: "same_fsid" | "raw_format";
  /** Nova's volume wait as the plan states it, in seconds (block_device_allocate_retries × interval, plus one interval). */
  novaWaitSeconds: number;
  /** A flavor that fits both images, with its id, and a network both users may boot on. */
  flavor: { name: string; id: string };
  network: string;
  /** The smallest volume the raw image fits in, GiB (its min_disk, or 1). */
  rawVolumeGiB: number;
  /** A network hosted by exactly one DHCP agent, below the HA target of 2, and how many DHCP agents there are. */
  singleAgentNetwork: string;
  dhcpAgents: number;
}

export function seedFor(target: Target): Seed {
  if (target === "sim")
    return {
      rawImage: "centos-7-raw",
      copyImage: "rhel-9-large-foreign",
      copyFailingCheck: "same_fsid",
      novaWaitSeconds: 183,
      flavor: { name: "m1.small", id: "2" },
      network: "provider",
      rawVolumeGiB: 8,
      singleAgentNetwork: "cs1-yw-1",
      dhcpAgents: 18,
    };
  const real = realEndpoints();
  const wait =
    real.nova.blockDeviceAllocateRetries * real.nova.blockDeviceAllocateRetriesInterval + real.nova.blockDeviceAllocateRetriesInterval;
  return {
    rawImage: "zenith-raw",
    copyImage: "zenith-qcow2",
    copyFailingCheck: "raw_format",
    novaWaitSeconds: wait,
    flavor: { name: "m1.small", id: real.flavors["m1.small"] },
    network: "zenith-net",
    rawVolumeGiB: 1,
    singleAgentNetwork: "zenith-net",
    dhcpAgents: real.dhcpAgentHosts.length,
  };
}

export interface CloudUser {
  username: string;
  password: string;
}

/**
 * Direct OpenStack calls for test setup and clean-up that are not what the spec is about (a volume to list,
 * an agent binding to undo). Same code on both targets: only the Keystone URL differs.
 */
export class Cloud {
  readonly keystone: string;
  constructor(readonly target: Target) {
    this.keystone = target === "sim" ? `${simUrl}/identity/v3` : realEndpoints().authUrl;
  }

  /** A project-scoped token and the catalog's public endpoints, by service type. */
  async session(user: CloudUser, project: string): Promise<{ token: string; endpoint: (type: string) => string }> {
    const res = await fetch(`${this.keystone}/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: user.username, domain: { id: "default" }, password: user.password } },
          },
          scope: { project: { name: project, domain: { id: "default" } } },
        },
      }),
    });
    const token = res.headers.get("x-subject-token");
    if (res.status !== 201 || !token) throw new Error(`Keystone login of ${user.username} failed: ${res.status} ${await res.text()}`);
    const { token: body } = await res.json();
    const endpoint = (type: string) => {
      const svc = body.catalog.find((s: { type: string }) => s.type === type);
      const ep = svc?.endpoints.find((e: { interface: string }) => e.interface === "public");
      if (!ep) throw new Error(`no public ${type} endpoint in the catalog`);
      return String(ep.url).replace(/\/+$/, "");
    };
    return { token, endpoint };
  }

  /** An unscoped-by-choice token straight from Keystone: a positive control for the token detector. */
  async issueToken(user: CloudUser): Promise<string> {
    return (await this.session(user, user.username === "admin" ? "admin" : "demo")).token;
  }

  /**
   * The DHCP agents hosting a network, through Neutron's own API (as an admin), and a way back to exactly the agents
   * it had: specs that heal a network restore it, so the shared real tier stays as the other suites expect it.
   */
  async dhcpHosting(
    admin: CloudUser,
    network: string,
  ): Promise<{ netId: string; initial: string[]; agents: () => Promise<string[]>; restore: () => Promise<void> }> {
    const s = await this.session(admin, "admin");
    const { networks } = await this.call(s, "network", `/v2.0/networks?name=${encodeURIComponent(network)}`);
    const netId: string = networks[0].id;
    const agents = async () =>
      ((await this.call(s, "network", `/v2.0/networks/${netId}/dhcp-agents`)).agents as { id: string }[]).map((a) => a.id);
    const initial = await agents();
    const restore = async () => {
      for (const id of (await agents()).filter((a) => !initial.includes(a)))
        await this.call(s, "network", `/v2.0/agents/${id}/dhcp-networks/${netId}`, { method: "DELETE" });
    };
    return { netId, initial, agents, restore };
  }

  /** One JSON call; throws with the service's answer unless it is 2xx. */
  async call<T = any>(
    s: { token: string; endpoint: (type: string) => string },
    type: string,
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const res = await fetch(`${s.endpoint(type)}${path}`, {
      method: init.method ?? "GET",
      headers: { "x-auth-token": s.token, "content-type": "application/json", accept: "application/json", ...init.headers },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${type} ${init.method ?? "GET"} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

type CloudSession = Awaited<ReturnType<Cloud["session"]>>;

/** Resources a spec made through the cloud's own API, removed again in reverse order. */
export class Scratch {
  private servers: string[] = [];
  private volumes: string[] = [];
  private images: string[] = [];
  private keypairs: string[] = [];
  private constructor(
    readonly cloud: Cloud,
    readonly s: CloudSession,
  ) {}

  static async as(cloud: Cloud, user: CloudUser, project: string): Promise<Scratch> {
    return new Scratch(cloud, await cloud.session(user, project));
  }

  /** A volume made from an image by name, waited on until available. */
  async volumeFromImage(name: string, imageName: string, sizeGiB: number): Promise<string> {
    const { images } = await this.cloud.call(this.s, "image", `/v2/images?name=${encodeURIComponent(imageName)}`);
    if (images.length !== 1) throw new Error(`image ${imageName}: ${images.length} found`);
    const { volume } = await this.cloud.call(this.s, "volumev3", "/volumes", {
      method: "POST",
      json: { volume: { name, size: sizeGiB, imageRef: images[0].id } },
    });
    this.volumes.push(volume.id);
    await this.waitVolume(volume.id, "available");
    return volume.id;
  }

  /** A volume cloned from another (Cinder's source_volid), waited on until available. */
  async volumeFromVolume(name: string, sourceId: string, sizeGiB: number): Promise<string> {
    const { volume } = await this.cloud.call(this.s, "volumev3", "/volumes", {
      method: "POST",
      json: { volume: { name, size: sizeGiB, source_volid: sourceId } },
    });
    this.volumes.push(volume.id);
    await this.waitVolume(volume.id, "available");
    return volume.id;
  }

  /**
   * A server booted from the first volume with the others attached (Nova block_device_mapping_v2, source volume),
   * on a network by name, waited on until ACTIVE; deleted at clean-up, and its volumes with it.
   */
  async serverFromVolumes(name: string, volumeIds: string[], flavorId: string, network: string): Promise<string> {
    const { networks } = await this.cloud.call(this.s, "network", `/v2.0/networks?name=${encodeURIComponent(network)}`);
    if (networks.length !== 1) throw new Error(`network ${network}: ${networks.length} found`);
    const { server } = await this.cloud.call(this.s, "compute", "/servers", {
      method: "POST",
      json: {
        server: {
          name,
          flavorRef: flavorId,
          networks: [{ uuid: networks[0].id }],
          block_device_mapping_v2: volumeIds.map((uuid, i) => ({
            uuid,
            source_type: "volume",
            destination_type: "volume",
            boot_index: i === 0 ? 0 : -1,
            delete_on_termination: false,
          })),
        },
      },
    });
    this.servers.push(server.id);
    for (let i = 0; i < 240; i++) {
      const { server: s } = await this.cloud.call(this.s, "compute", `/servers/${server.id}`);
      if (s.status === "ACTIVE") break;
      if (s.status === "ERROR") throw new Error(`server ${name} went to ERROR: ${JSON.stringify(s.fault ?? {})}`);
      if (i === 239) throw new Error(`server ${name} is ${s.status} after 120 s`);
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const id of volumeIds) await this.waitVolume(id, "in-use");
    return server.id;
  }

  /** Polls a volume until it has the status, or is gone when status is null. */
  async waitVolume(id: string, status: string | null): Promise<void> {
    for (let i = 0; i < 240; i++) {
      const v = await this.cloud.call(this.s, "volumev3", `/volumes/${id}`).catch(() => null);
      if (status === null ? !v : v?.volume.status === status) return;
      if (v?.volume.status === "error") throw new Error(`volume ${id} went to error`);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`volume ${id} did not become ${status ?? "gone"} in 120 s`);
  }

  /** Deletes a volume now (the spec's own step, not clean-up) and waits until Cinder no longer has it. */
  async deleteVolume(id: string): Promise<void> {
    await this.cloud.call(this.s, "volumev3", `/volumes/${id}`, { method: "DELETE" });
    await this.waitVolume(id, null);
    this.volumes = this.volumes.filter((v) => v !== id);
  }

  /** Remembers a volume made through the BFF, deleted (with its snapshots) at clean-up. */
  trackVolume(volumeId: string): void {
    this.volumes.push(volumeId);
  }

  /** Remembers an image (e.g. an instance snapshot), deleted first at clean-up. */
  trackImage(imageId: string): void {
    this.images.push(imageId);
  }

  /** Remembers a key pair (Nova keeps them per user), deleted last at clean-up. */
  trackKeypair(name: string): void {
    this.keypairs.push(name);
  }

  /** Remembers a server made through the BFF, so it is deleted with the rest. */
  track(serverId: string): void {
    this.servers.push(serverId);
  }

  /** Deletes images, then servers (waiting until they are gone), then volumes with their snapshots, then key pairs. */
  async cleanUp(): Promise<void> {
    for (const id of this.images) await this.cloud.call(this.s, "image", `/v2/images/${id}`, { method: "DELETE" }).catch(() => undefined);
    const left: string[] = [];
    for (const id of this.servers) {
      const server = await this.cloud.call(this.s, "compute", `/servers/${id}`).catch(() => null);
      for (const a of server?.server?.["os-extended-volumes:volumes_attached"] ?? []) left.push(a.id);
      await this.cloud.call(this.s, "compute", `/servers/${id}`, { method: "DELETE" }).catch(() => undefined);
    }
    for (const id of this.servers)
      for (
        let i = 0;
        i < 120 &&
        (await this.cloud.call(this.s, "compute", `/servers/${id}`).then(
          () => true,
          () => false,
        ));
        i++
      )
        await new Promise((r) => setTimeout(r, 500));
    for (const id of [...this.volumes, ...left]) {
      // Snapshots first (an instance snapshot of a volume-backed server is a Cinder snapshot): a volume with one can't go.
      const mine = async () =>
        ((await this.cloud.call(this.s, "volumev3", `/snapshots?volume_id=${id}`).catch(() => ({ snapshots: [] }))).snapshots ?? []).filter(
          (sn: { volume_id: string }) => sn.volume_id === id,
        ) as { id: string }[];
      const snaps = { snapshots: await mine() };
      for (const sn of snaps.snapshots)
        await this.cloud.call(this.s, "volumev3", `/snapshots/${sn.id}`, { method: "DELETE" }).catch(() => undefined);
      for (let i = 0; i < 60 && snaps.snapshots.length; i++) {
        if (!(await mine()).length) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      for (let i = 0; i < 60; i++) {
        const v = await this.cloud.call(this.s, "volumev3", `/volumes/${id}`).catch(() => null);
        if (!v || ["available", "error"].includes(v.volume.status)) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      await this.cloud.call(this.s, "volumev3", `/volumes/${id}`, { method: "DELETE" }).catch(() => undefined);
    }
    for (const name of this.keypairs)
      await this.cloud.call(this.s, "compute", `/os-keypairs/${encodeURIComponent(name)}`, { method: "DELETE" }).catch(() => undefined);
    this.keypairs = [];
    this.servers = [];
    this.volumes = [];
    this.images = [];
  }
}
