import { login, type OsSession } from "../../sim/test/os-session";
import { target } from "../../tests/target";
import type { createAgent } from "./test-app";

type Agent = ReturnType<typeof createAgent>;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo images by role: the real tier's endpoints.json ids, or the sim's seeded names. */
export async function demoImages(a: Agent): Promise<{ raw: string; qcow2: string; foreign: string | null }> {
  if (target.real) return { raw: target.real.images.raw, qcow2: target.real.images.qcow2, foreign: null };
  const { body } = await a.get("/api/boot/options");
  const id = (name: string) => body.images.find((i: { name: string }) => i.name === name)?.id;
  return { raw: id("centos-7-raw"), qcow2: id("ubuntu-22.04-qcow2"), foreign: id("rhel-9-large-foreign") };
}

/** A network the project may use: the real tier's zenith-net, or the first project network on the sim. */
export async function bootNetwork(a: Agent): Promise<string> {
  if (target.real) return target.real.networks["zenith-net"].id;
  const { body } = await a.get("/api/boot/options");
  return body.networks.find((n: { shared: boolean }) => !n.shared)?.id ?? body.networks[0].id;
}

/** The smallest flavor that fits the image (RAM ≥ min_ram, disk ≥ what a local boot needs). */
export async function fittingFlavor(a: Agent, imageId: string): Promise<string> {
  const { body } = await a.get("/api/boot/options");
  const img = body.images.find((i: { id: string }) => i.id === imageId);
  const need = Math.max(img.minDisk, Math.ceil((img.virtualSize ?? img.size ?? 0) / 1024 ** 3));
  const f = body.flavors.find((x: { ram: number; disk: number }) => x.ram >= img.minRam && x.disk >= need);
  if (!f) throw new Error(`no flavor fits image ${img.name} (needs ${need} GiB, ${img.minRam} MiB)`);
  return f.id;
}

/** Polls the progress endpoint until done; returns the last answer and every distinct phase list seen. */
export async function waitDone(a: Agent, serverId: string, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await a.get(`/api/boot/${serverId}/progress`);
    if (res.status !== 200) throw new Error(`progress ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.done) return res.body;
    if (Date.now() > end) throw new Error(`server ${serverId} still building: ${JSON.stringify(res.body)}`);
    await sleep(200);
  }
}

/** Polls a volume (straight through Cinder as admin) until it has `status`. */
export async function waitVolume(_a: Agent, id: string, status: string, timeoutMs = 180_000) {
  const s = await login("admin");
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = (await (await s.call("volumev3", `/volumes/${id}`)).json()).volume;
    if (v?.status === status) return v;
    if (Date.now() > end) throw new Error(`volume ${id} still ${v?.status}`);
    await sleep(250);
  }
}

/** Direct Ceph Dashboard reads, to check what really happened in RBD (not through the BFF). */
export async function cephImage(pool: string, name: string): Promise<any | null> {
  const s = await login("admin");
  const base = target.real?.ceph?.dashboardUrl ?? s.endpoint("ceph-dashboard");
  const password = target.real?.ceph?.password ?? "zenith-ceph";
  const auth = await fetch(`${base}/api/auth`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/vnd.ceph.api.v1.0+json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  const { token } = await auth.json();
  // omit_usage: a usage read diff-iterates, which aborts ceph-mgr on a 0-byte image with a snapshot.
  const res = await fetch(`${base}/api/block/image/${encodeURIComponent(`${pool}/${name}`)}?omit_usage=true`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/vnd.ceph.api.v1.0+json" },
  });
  return res.status === 200 ? res.json() : null;
}

/** Deletes what a test booted, directly through Nova and Cinder as admin. */
export async function cleanup(serverIds: string[], volumeIds: string[]) {
  const s: OsSession = await login("admin");
  for (const id of serverIds) await (await s.call("compute", `/servers/${id}`, { method: "DELETE" })).text();
  for (let i = 0; i < 40 && serverIds.length; i++) {
    const left = await Promise.all(serverIds.map(async (id) => (await s.call("compute", `/servers/${id}`)).status));
    if (left.every((st) => st === 404)) break;
    await sleep(500);
  }
  for (const id of volumeIds) {
    for (let i = 0; i < 40; i++) {
      const res = await s.call("volumev3", `/volumes/${id}`);
      if (res.status === 404) break;
      const v = (await res.json()).volume;
      if (["available", "error"].includes(v.status)) {
        await (await s.call("volumev3", `/volumes/${id}`, { method: "DELETE" })).text();
        break;
      }
      await sleep(500);
    }
  }
}
