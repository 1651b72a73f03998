import { login, type OsSession } from "../../sim/test/os-session";
import { target } from "../../tests/target";
import type { createAgent } from "./test-app";

type Agent = ReturnType<typeof createAgent>;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NOVA = { "OpenStack-API-Version": "compute 2.67", "X-OpenStack-Nova-API-Version": "2.67" };

/** The raw demo image: the real tier's, or the sim's centos-7-raw. */
async function rawImage(s: OsSession): Promise<string> {
  if (target.real) return target.real.images.raw;
  const body = await (await s.call("image", "/v2/images?name=centos-7-raw")).json();
  return body.images[0].id;
}

/**
 * Boots a small server straight through Nova as demo (no network: `networks: "none"`), so the tests own
 * what they act on, on either target. Waits for ACTIVE.
 */
export async function bootTestServer(name: string, networks: unknown = "none"): Promise<{ id: string; session: OsSession }> {
  const s = await login("demo");
  const flavors = (await (await s.call("compute", "/flavors/detail", { headers: NOVA })).json()).flavors as { id: string; name: string }[];
  const flavor = flavors.find((f) => f.name === (target.real ? "m1.tiny" : "m1.small"))!;
  const res = await s.call("compute", "/servers", {
    method: "POST",
    headers: NOVA,
    json: { server: { name, imageRef: await rawImage(s), flavorRef: flavor.id, networks } },
  });
  if (res.status !== 202) throw new Error(`boot ${name}: ${res.status} ${await res.text()}`);
  const id = (await res.json()).server.id as string;
  await waitFor(s, id, (st) => st === "ACTIVE");
  return { id, session: s };
}

/**
 * Boots a small server from a new volume made from the raw image, straight through Nova as demo (no network).
 * Waits for ACTIVE.
 */
export async function bootFromVolume(name: string, deleteOnTermination: boolean): Promise<{ id: string; session: OsSession }> {
  const s = await login("demo");
  const flavors = (await (await s.call("compute", "/flavors/detail", { headers: NOVA })).json()).flavors as { id: string; name: string }[];
  const flavor = flavors.find((f) => f.name === (target.real ? "m1.tiny" : "m1.small"))!;
  const res = await s.call("compute", "/servers", {
    method: "POST",
    headers: NOVA,
    json: {
      server: {
        name,
        flavorRef: flavor.id,
        networks: "none",
        block_device_mapping_v2: [
          {
            boot_index: 0,
            uuid: await rawImage(s),
            source_type: "image",
            destination_type: "volume",
            volume_size: target.real ? 1 : 20,
            delete_on_termination: deleteOnTermination,
          },
        ],
      },
    },
  });
  if (res.status !== 202) throw new Error(`boot ${name} from volume: ${res.status} ${await res.text()}`);
  const id = (await res.json()).server.id as string;
  await waitFor(s, id, (st) => st === "ACTIVE", 120_000);
  return { id, session: s };
}

/** Polls Nova until the server's status satisfies `ok` (or it is gone: status 404). */
export async function waitFor(s: OsSession, id: string, ok: (status: string | 404, task: string | null) => boolean, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await s.call("compute", `/servers/${id}`, { headers: NOVA });
    const server = res.status === 404 ? null : (await res.json()).server;
    const status = server ? server.status : 404;
    if (ok(status, server?.["OS-EXT-STS:task_state"] ?? null)) return status;
    if (status === "ERROR") throw new Error(`server ${id} went to ERROR: ${JSON.stringify(server.fault)}`);
    if (Date.now() > end) throw new Error(`server ${id} still ${status}`);
    await sleep(250);
  }
}

export async function deleteQuietly(s: OsSession, id: string) {
  await (await s.call("compute", `/servers/${id}`, { method: "DELETE", headers: NOVA })).text();
}

/** Waits until the BFF's detail says the instance allows `action` (the policy, not the raw status). */
export async function waitAllowed(a: Agent, id: string, action: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await a.get(`/api/instances/${id}`);
    if (res.status === 200 && res.body.actions.find((x: { action: string }) => x.action === action)?.enabled) return res.body;
    if (Date.now() > end) throw new Error(`${action} never became allowed: ${JSON.stringify(res.body)}`);
    await sleep(250);
  }
}
