import type { SimState } from "../core/state";
import { glanceImages } from "../services/glance/model";
import { FLAVORS } from "../services/nova/model";
import { neutron } from "../services/neutron/model";
import { DEMO_IMAGES } from "./storage";
import { putServerDoc, rbdWriter, unlimitedNovaQuota } from "./server-docs";

/** `servers-<N>`: how many servers a crowd scenario may add. */
export const CROWD_MAX = 20_000;
const CROWD = /^servers-([1-9]\d{0,4})$/;

/** N of a `servers-<N>` scenario name (1 ≤ N ≤ CROWD_MAX), else null. */
export function crowdSize(name: string): number | null {
  const m = CROWD.exec(name);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= CROWD_MAX ? n : null;
}

/**
 * The `servers-<N>` scenario's last seed (after the default ones): N more ACTIVE servers in the demo project, named
 * crowd-vm-00000…, on demo-net, each on a local disk cloned from centos-7-raw, written as documents like the scale
 * scenario's (seconds for thousands). The instances list pages through them; Lineage shows centos-7-raw's tree with
 * N more root disks. Demo's Nova quota is lifted so the wizard still boots.
 */
export function seedCrowd(count: number) {
  return (state: SimState): void => {
    unlimitedNovaQuota(state, "demo");
    const centos = glanceImages(state).get(DEMO_IMAGES.centos.id);
    if (!centos?.size) throw new Error("the servers-<N> scenario needs the default scenario's centos-7-raw image");
    const net = neutron(state).networks.find((x) => x.name === "demo-net");
    const put = rbdWriter(state);
    // Older than the default scenario's servers (days ago): those stay on the list's first page, newest first.
    const start = state.clock.now() - 60 * 86_400_000;
    for (let i = 0; i < count; i++)
      putServerDoc(state, put, {
        n: i,
        key: `crowd-server-${i}`,
        name: `crowd-vm-${String(i).padStart(5, "0")}`,
        project: "demo",
        image: { id: centos.id, size: centos.size },
        flavor: FLAVORS[1 + (i % 3)],
        created: start + i * 60_000,
        net,
      });
  };
}
