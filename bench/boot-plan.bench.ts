/**
 * Upstream calls per boot plan (POST /api/boot/plan), by service, as a count, and from opening the wizard
 * (GET /api/boot/options) to its first plan, the figure the wizard is judged by (goal ≤ 12):
 * - cold app: the first session of an app also logs in to Ceph, reads the fsid and learns Cinder's throughput;
 * - warm app, new session: those are cached per app, the session's own facts (limits, quotas, default type,
 *   flavors, images) are not yet: options read them, and the plan reuses them.
 * Then single plans within the facts' time (warm), and one from a session that never opened the options.
 * Keystone calls (login, validation) are left out. Runs against a private sim it starts itself:
 * `npx tsx bench/boot-plan.bench.ts`; with ZENITH_TARGET=real on the real tier (plans only, nothing is launched).
 */
import { benchBff, benchTarget, report } from "./harness";

type Bff = ReturnType<typeof benchBff>;
const upstream = (bff: Bff) => bff.calls.filter((c) => c.service !== "identity");
const byService = (bff: Bff) => {
  const by: Record<string, number> = {};
  for (const c of upstream(bff)) by[c.service] = (by[c.service] ?? 0) + 1;
  return Object.entries(by)
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
};

const target = await benchTarget("default");
/** The images by role: the real tier's endpoints.json ids, or the sim's seeded names. */
const imageNames = target.real
  ? { raw: target.real.images.raw as string, qcow2: target.real.images.qcow2 as string, foreign: null }
  : { raw: "centos-7-raw", qcow2: "ubuntu-22.04-qcow2", foreign: "rhel-9-large-foreign" };
try {
  const bff = benchBff(target.authUrl, target.deps);
  const login = async () => {
    const { username, password, project } = target.users.admin;
    const res = await bff.call("POST", "/api/auth/login", { username, password, project });
    if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const ok = (what: string, res: { status: number; body: any }) => {
    if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const planBody = (options: any, name: string, createVolume: boolean) => ({
    source: { type: "image", id: options.images.find((i: { id: string; name: string }) => i.name === name || i.id === name).id as string },
    createVolume,
    flavorId: (options.flavors.find((f: { disk: number }) => f.disk >= 40) ?? options.flavors.at(-1)).id as string,
    networkIds: [],
  });
  const rows: Record<string, unknown>[] = [];

  // From the click to the first plan, on a cold app and then in a new session on the warm app.
  let options: any;
  for (const pass of ["cold app", "warm app, new session"]) {
    await login();
    bff.resetCalls();
    options = ok("options", await bff.call("GET", "/api/boot/options"));
    const optionCalls = upstream(bff).length;
    const plan = ok("plan", await bff.call("POST", "/api/boot/plan", planBody(options, imageNames.raw, true)));
    rows.push({
      request: `options + first plan (${pass})`,
      calls: upstream(bff).length,
      options: optionCalls,
      plan: upstream(bff).length - optionCalls,
      byService: byService(bff),
      path: plan.path,
    });
  }

  const cases = (["raw", "qcow2", "foreign"] as const).flatMap((role): [string, string, boolean][] => {
    const name = imageNames[role];
    return name === null
      ? []
      : role === "raw"
        ? [
            [role, name, true],
            [role, name, false],
          ]
        : [[role, name, true]];
  });
  for (const [role, name, createVolume] of cases) {
    bff.resetCalls();
    const res = ok(`plan ${name}`, await bff.call("POST", "/api/boot/plan", planBody(options, name, createVolume)));
    rows.push({
      request: `plan warm: ${role} image, createVolume=${createVolume}`,
      calls: upstream(bff).length,
      byService: byService(bff),
      path: res.path,
      throughput: res.throughput.source,
    });
  }
  // A session that plans without having opened the options reads its own facts.
  await login();
  bff.resetCalls();
  const alone = ok("plan alone", await bff.call("POST", "/api/boot/plan", planBody(options, imageNames.raw, true)));
  rows.push({ request: "plan, new session without options", calls: upstream(bff).length, byService: byService(bff), path: alone.path });
  report(`boot-plan${target.real ? "-real" : ""}`, rows);
} finally {
  await target.dispose();
}
