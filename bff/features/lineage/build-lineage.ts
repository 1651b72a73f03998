import type { Lineage, LineageNode, NodeKind, OwnerFacts, RbdFacts } from "./types";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const DISK = new RegExp(`^(${UUID})_disk(\\..+)?$`, "i");
const VOLUME = new RegExp(`^volume-(${UUID})$`, "i");
const GLANCE_ID = new RegExp(`^${UUID}$`, "i");

export const specOf = (pool: string, name: string) => `${pool}/${name}`;

/** Who owns one RBD image, from the naming conventions of Glance, Nova and Cinder's RBD drivers. */
function classify(img: RbdFacts, owners: OwnerFacts, glance: Map<string, OwnerFacts["images"][number]>, volumes: Map<string, string | null>):
  Pick<LineageNode, "kind" | "owner" | "orphan" | "orphanReason"> {
  if (img.pool === "images" && GLANCE_ID.test(img.name)) {
    const g = glance.get(img.name);
    const kind: NodeKind = g?.instanceSnapshot || img.parent ? "instance-snapshot" : "image";
    if (g) return { kind, owner: { type: "glance", id: g.id, name: g.name ?? g.id }, orphan: false, orphanReason: null };
    return { kind, owner: null, orphan: true, orphanReason: `No Glance image ${img.name}` };
  }
  const disk = img.pool === "vms" ? DISK.exec(img.name) : null;
  if (disk) {
    const name = owners.servers.get(disk[1]);
    if (name !== undefined) return { kind: "root-disk", owner: { type: "nova", id: disk[1], name: name || disk[1] }, orphan: false, orphanReason: null };
    return { kind: "root-disk", owner: null, orphan: true, orphanReason: `No Nova server ${disk[1]} (deleted instance)` };
  }
  const vol = img.pool === "volumes" ? VOLUME.exec(img.name) : null;
  if (vol) {
    if (volumes.has(vol[1])) return { kind: "volume", owner: { type: "cinder", id: vol[1], name: volumes.get(vol[1]) || vol[1] }, orphan: false, orphanReason: null };
    return { kind: "volume", owner: null, orphan: true, orphanReason: `No Cinder volume ${vol[1]}` };
  }
  // Names no OpenStack service writes: shown, never called orphans (someone else may own them).
  return { kind: "other", owner: null, orphan: false, orphanReason: null };
}

/** RBD images + live OpenStack resources → one tree per root image in `images`, with orphans marked. */
export function buildLineage(rbd: RbdFacts[], owners: OwnerFacts): Lineage {
  const glance = new Map(owners.images.map((g) => [g.id, g]));
  const volumes = new Map(owners.volumes.map((v) => [v.id, v.name]));
  const bySpec = new Map(rbd.map((i) => [specOf(i.pool, i.name), i]));
  const nodes: LineageNode[] = [...rbd]
    .sort((a, b) => specOf(a.pool, a.name).localeCompare(specOf(b.pool, b.name)))
    .map((img) => {
      const snapshots = img.snapshots.map((s) => ({
        name: s.name, protected: s.protected,
        children: s.children.map((c) => specOf(c.pool, c.name)).filter((c) => bySpec.has(c)).sort(),
      }));
      return {
        spec: specOf(img.pool, img.name), pool: img.pool, name: img.name, ...classify(img, owners, glance, volumes),
        provisionedBytes: img.size, usedBytes: img.used,
        parent: img.parent ? `${specOf(img.parent.pool, img.parent.name)}@${img.parent.snap}` : null,
        snapshots, blockedBy: [...new Set(snapshots.flatMap((s) => s.children))],
      };
    });
  // Children also come from each clone's own `parent` (the dashboard's children lists can lag).
  const byNode = new Map(nodes.map((n) => [n.spec, n]));
  for (const n of nodes) {
    if (!n.parent) continue;
    const [pspec, snap] = n.parent.split("@");
    const p = byNode.get(pspec);
    const s = p?.snapshots.find((x) => x.name === snap);
    if (p && s && !s.children.includes(n.spec)) { s.children.push(n.spec); s.children.sort(); p.blockedBy = [...new Set([...p.blockedBy, n.spec])]; }
  }
  const parentOf = (n: LineageNode) => (n.parent ? byNode.get(n.parent.split("@")[0]) : undefined);
  const depth = (n: LineageNode) => { let d = 0; for (let p = parentOf(n), seen = 0; p && seen < 1000; p = parentOf(p), seen++) d++; return d; };
  const roots = nodes.filter((n) => n.pool === "images" && !parentOf(n));
  return {
    trees: roots.map((r) => ({ root: r.spec, label: r.owner?.name ?? r.spec })).sort((a, b) => a.label.localeCompare(b.label)),
    nodes,
    orphans: nodes.filter((n) => n.orphan).map((n) => ({ spec: n.spec, d: depth(n) }))
      .sort((a, b) => b.d - a.d || a.spec.localeCompare(b.spec)).map((o) => o.spec),
  };
}
