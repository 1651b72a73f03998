import { ApiError } from "../../errors";
import type { BootIo } from "./gather";
import { launchBoot, planFor } from "./launch";
import { bootOptions } from "./options";
import { SESSION_FACTS_TTL_MS } from "./session-facts";

const IMAGE = {
  id: "img-1",
  name: "raw",
  status: "active",
  disk_format: "raw",
  size: 1 << 30,
  virtual_size: 1 << 30,
  min_disk: 0,
  min_ram: 0,
  visibility: "public",
  created_at: "2024-01-01T00:00:00Z",
};
const FLAVOR = { id: "f-1", name: "m1.small", vcpus: 1, ram: 2048, disk: 20 };
const LIMITS = {
  maxTotalInstances: 10,
  totalInstancesUsed: 1,
  maxTotalCores: 20,
  totalCoresUsed: 1,
  maxTotalRAMSize: 51200,
  totalRAMUsed: 2048,
};
/** A complete list walk, as listAll answers it. */
const walk = <T>(items: T[]) => ({ items, complete: true });
const QUOTA = { id: "p1", volumes: { limit: 10, in_use: 1, reserved: 0 }, gigabytes: { limit: 1000, in_use: 10, reserved: 0 } };

/**
 * A BootIo whose service clients count every call by `service.method` and answer canned data; `fail` makes
 * a method throw once. No Ceph Dashboard (the plan then does no Ceph calls).
 */
function fakeIo(opts: { token?: string; services?: object; fail?: Set<string> } = {}) {
  const calls: Record<string, number> = {};
  const answers: Record<string, Record<string, (...a: unknown[]) => unknown>> = {
    nova: {
      flavors: () => walk([FLAVOR]),
      flavor: () => FLAVOR,
      keypairs: () => [],
      limits: () => LIMITS,
      createServer: () => ({ id: "srv-1" }),
    },
    glance: { images: () => walk([IMAGE]), image: () => IMAGE },
    cinder: {
      volumes: () => walk([]),
      snapshots: () => walk([]),
      types: () => [{ id: "t1", name: "ceph" }],
      defaultType: () => ({ id: "t1", name: "ceph" }),
      quota: () => QUOTA,
    },
    neutron: { networks: () => walk([]), securityGroups: () => walk([]) },
  };
  const client = (service: string) =>
    new Proxy(
      {},
      {
        get:
          (_, method: string) =>
          async (...args: unknown[]) => {
            const key = `${service}.${method}`;
            calls[key] = (calls[key] ?? 0) + 1;
            await new Promise((r) => setTimeout(r, 0));
            if (opts.fail?.delete(key)) throw new ApiError(502, "upstream_error", `${key} failed`);
            const answer = answers[service][method];
            if (!answer) throw new Error(`unexpected call ${key}`);
            return answer(...args);
          },
      },
    );
  const io = {
    services: opts.services ?? {},
    session: { token: opts.token ?? "tok-1", projectId: "p1", isAdmin: false, url: (s: string) => `http://sim/${s}` },
    deps: { nova: { blockDeviceAllocateRetries: 60, blockDeviceAllocateRetriesInterval: 3 } },
    nova: client("nova"),
    glance: client("glance"),
    cinder: client("cinder"),
    neutron: client("neutron"),
    ceph: null,
    cephMissing: "not in the catalog",
  } as unknown as BootIo;
  return { io, calls };
}

const choices = {
  source: { type: "image" as const, id: IMAGE.id },
  createVolume: true,
  deleteOnTermination: true,
  networkIds: [],
  securityGroups: [],
  count: 1,
  flavorId: FLAVOR.id,
};
/** The facts options and plans share; the throughput history (cinder.volumes) is the plan's own. */
const SHARED = ["nova.limits", "cinder.quota", "cinder.defaultType", "nova.flavors", "glance.images"];
const sharedCalls = (calls: Record<string, number>) => Object.fromEntries(SHARED.map((k) => [k, calls[k] ?? 0]));
const once = Object.fromEntries(SHARED.map((k) => [k, 1]));

describe("the wizard's shared session facts", () => {
  afterEach(() => vi.useRealTimers());

  it("the first plan after the options reads none of the session's facts again", async () => {
    const { io, calls } = fakeIo();
    await bootOptions(io);
    const before = { ...calls };
    const plan = await planFor(io, choices);
    expect(plan.path).toBeDefined();
    expect(sharedCalls(calls)).toEqual(once);
    expect(calls["glance.image"] ?? 0).toBe(0);
    expect(calls["nova.flavor"] ?? 0).toBe(0);
    const planCalls = Object.entries(calls).reduce((n, [k, v]) => n + v - (before[k] ?? 0), 0);
    expect(planCalls).toBe(1); // the throughput history only
  });

  it("options and a plan at the same time share one read of each fact", async () => {
    const { io, calls } = fakeIo();
    await Promise.all([bootOptions(io), planFor(io, choices), planFor(io, choices)]);
    expect(sharedCalls(calls)).toEqual(once);
  });

  it("reads them again once the facts' time has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { io, calls } = fakeIo();
    await bootOptions(io);
    vi.setSystemTime(Date.now() + SESSION_FACTS_TTL_MS + 1);
    await planFor(io, choices);
    expect(calls["nova.limits"]).toBe(2);
    expect(calls["cinder.quota"]).toBe(2);
    // Without a recent image list the plan reads its image alone, not the whole list.
    expect(calls["glance.image"]).toBe(1);
    expect(calls["glance.images"]).toBe(1);
  });

  it("does not share between sessions", async () => {
    const services = {};
    const a = fakeIo({ services, token: "tok-a" });
    const b = fakeIo({ services, token: "tok-b" });
    await bootOptions(a.io);
    await planFor(b.io, choices);
    expect(b.calls["nova.limits"]).toBe(1);
    expect(b.calls["glance.image"]).toBe(1);
  });

  it("a launch plans on fresh quotas, and the next plan counts the new server", async () => {
    const { io, calls } = fakeIo();
    await bootOptions(io);
    await launchBoot(io, "vm", choices);
    expect(calls["nova.createServer"]).toBe(1);
    expect(calls["nova.limits"]).toBe(2);
    expect(calls["glance.image"]).toBe(1);
    await planFor(io, choices);
    expect(calls["nova.limits"]).toBe(3);
  });

  it("does not keep a failed read: the next caller reads again", async () => {
    const { io, calls } = fakeIo({ fail: new Set(["nova.limits"]) });
    await expect(bootOptions(io)).rejects.toMatchObject({ status: 502 });
    await planFor(io, choices);
    expect(calls["nova.limits"]).toBe(2);
  });
});
