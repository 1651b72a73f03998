import { randomBytes } from "node:crypto";
import type { OsSession } from "./os-session";

/** A name no other run (or other suite on the shared real tier) uses: `zt-<tag>-<random>`. */
export const uniqueName = (tag: string) => `zt-${tag}-${randomBytes(4).toString("hex")}`;

/** Clean-up steps run last-in first-out; each failure is collected and reported after all have run. */
export class Cleanup {
  private steps: { what: string; run: () => Promise<unknown> }[] = [];
  add(what: string, run: () => Promise<unknown>): void {
    this.steps.push({ what, run });
  }
  async run(): Promise<void> {
    const errors: string[] = [];
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (e) {
        errors.push(`${step.what}: ${e}`);
      }
    }
    this.steps = [];
    if (errors.length) throw new Error(`clean-up failed:\n${errors.join("\n")}`);
  }
}

/** DELETE that must leave the resource gone: 2xx now, or 404 because a test already removed it. */
export async function deleteGone(s: OsSession, type: string, path: string): Promise<void> {
  const res = await s.call(type, path, { method: "DELETE" });
  if (!res.ok && res.status !== 404) throw new Error(`DELETE ${type}${path}: ${res.status} ${await res.text()}`);
}

/** A network with one IPv4 subnet, made by `s` through Neutron's API; removed by `cleanup`. */
export async function makeNetwork(s: OsSession, cleanup: Cleanup, name: string, cidr?: string, extra: Record<string, unknown> = {}) {
  const res = await s.call("network", "/v2.0/networks", { method: "POST", json: { network: { name, ...extra } } });
  if (res.status !== 201) throw new Error(`POST network ${name}: ${res.status} ${await res.text()}`);
  const network = (await res.json()).network as { id: string; name: string; [k: string]: unknown };
  cleanup.add(`network ${name}`, () => deleteGone(s, "network", `/v2.0/networks/${network.id}`));
  if (!cidr) return { network, subnet: undefined };
  const sres = await s.call("network", "/v2.0/subnets", {
    method: "POST",
    json: { subnet: { network_id: network.id, cidr, ip_version: 4, name: `${name}-subnet` } },
  });
  if (sres.status !== 201) throw new Error(`POST subnet ${cidr}: ${sres.status} ${await sres.text()}`);
  return { network, subnet: (await sres.json()).subnet as { id: string; cidr: string; gateway_ip: string; [k: string]: unknown } };
}
