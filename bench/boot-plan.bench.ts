/**
 * Upstream calls per boot plan (POST /api/boot/plan), by service, as a count: cold (first plan of an app:
 * Ceph login, fsid, throughput learning) and warm (the fsid and the learned throughput are cached).
 * Runs against a private sim it starts itself: `npx tsx bench/boot-plan.bench.ts`.
 */
import { benchBff, benchSim, report } from "./harness";

const sim = await benchSim("default");
try {
  const bff = benchBff(`${sim.url}/identity/v3`);
  const login = await bff.call("POST", "/api/auth/login", { username: "admin", password: sim.state.config.adminPassword });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  const options = await bff.call("GET", "/api/boot/options");
  if (options.status !== 200) throw new Error(`options: ${options.status} ${JSON.stringify(options.body)}`);
  const optionCalls = bff.calls.filter((c) => !c.url.includes("/auth/tokens") && !c.url.includes("/projects")).length;
  const image = (name: string) => options.body.images.find((i: { name: string }) => i.name === name).id as string;
  const flavorId = options.body.flavors.find((f: { disk: number }) => f.disk >= 40).id as string;

  const rows: Record<string, unknown>[] = [{ request: "GET /api/boot/options", calls: optionCalls, byService: "(one round trip for the wizard)" }];
  const cases = [
    ["centos-7-raw", true], ["centos-7-raw", false], ["ubuntu-22.04-qcow2", true], ["rhel-9-large-foreign", true],
  ] as const;
  const passes = [["cold", cases.slice(0, 1)], ["warm", cases]] as const;
  for (const [pass, list] of passes) {
    for (const [name, createVolume] of list) {
      bff.resetCalls();
      const res = await bff.call("POST", "/api/boot/plan", { source: { type: "image", id: image(name) }, createVolume, flavorId, networkIds: [] });
      if (res.status !== 200) throw new Error(`plan ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      const by: Record<string, number> = {};
      for (const c of bff.calls) by[c.service] = (by[c.service] ?? 0) + 1;
      rows.push({ request: `plan ${pass}: ${name} createVolume=${createVolume}`, path: res.body.path, calls: bff.calls.length,
        byService: Object.entries(by).map(([s, n]) => `${s} ${n}`).join(", "), throughput: res.body.throughput.source });
    }
  }
  report("boot-plan", rows);
} finally {
  await sim.dispose();
}
