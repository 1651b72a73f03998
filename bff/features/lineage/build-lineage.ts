import { runStateOf } from "./run-state";
import type { Coverage, Lineage, LineageNode, NodeKind, OwnerFacts, PendingImage, RbdFacts } from "./types";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const DISK = new RegExp(`^(${UUID})_disk(\\..+)?$`, "i");
const VOLUME = new RegExp(`^volume-(${UUID})$`, "i");
/** Cinder's RBD driver renames a deleted volume that still has clones to volume-<id>.deleted (rbd.py delete_volume). */
const DELETED_VOLUME = new RegExp(`^volume-(${UUID})\\.deleted$`, "i");
/** The snapshot Cinder takes on a source volume to clone volume-<B> from it (rbd.py create_cloned_volume). */
const CLONE_SNAP = new RegExp(`^volume-(${UUID})\\.clone_snap$`, "i");
const GLANCE_ID = new RegExp(`^${UUID}$`, "i");

export const specOf = (pool: string, name: string) => `${pool}/${name}`;

/** Who owns one RBD image, from the naming conventions of Glance, Nova and Cinder's RBD drivers. */
type Classified = Pick<LineageNode, "kind" | "owner" | "orphan" | "orphanReason" | "cinderDeleted" | "ownerUnknown">;
type Volumes = Map<string, OwnerFacts["volumes"][number]>;
function classify(
  img: RbdFacts,
  owners: OwnerFacts,
  glance: Map<string, OwnerFacts["images"][number]>,
  volumes: Volumes,
  unwalked: Set<string>,
): Classified {
  const c = { cinderDeleted: false, ...classifyOwner(img, owners, glance, volumes) };
  // A Glance location naming this RBD image makes that Glance image its owner too, whatever the name says.
  const byLocation = owners.locations?.get(specOf(img.pool, img.name));
  if (byLocation && !c.owner)
    return {
      ...c,
      owner: { type: "glance", id: byLocation.id, name: byLocation.name ?? byLocation.id },
      orphan: false,
      orphanReason: null,
      ownerUnknown: false,
    };
  // Absence from an incomplete walk proves nothing: no orphan in that pool.
  if (c.orphan && unwalked.has(img.pool)) return { ...c, orphan: false, orphanReason: null, ownerUnknown: true };
  return { ...c, ownerUnknown: false };
}

function classifyOwner(
  img: RbdFacts,
  owners: OwnerFacts,
  glance: Map<string, OwnerFacts["images"][number]>,
  volumes: Volumes,
): Omit<Classified, "cinderDeleted" | "ownerUnknown"> & { cinderDeleted?: boolean } {
  if (img.pool === "images" && GLANCE_ID.test(img.name)) {
    const g = glance.get(img.name);
    const kind: NodeKind = g?.instanceSnapshot || img.parent ? "instance-snapshot" : "image";
    if (g) return { kind, owner: { type: "glance", id: g.id, name: g.name ?? g.id }, orphan: false, orphanReason: null };
    return { kind, owner: null, orphan: true, orphanReason: { code: "no_glance_image" } };
  }
  const disk = img.pool === "vms" ? DISK.exec(img.name) : null;
  if (disk) {
    const name = owners.servers.get(disk[1]);
    if (name !== undefined)
      return { kind: "root-disk", owner: { type: "nova", id: disk[1], name: name || disk[1] }, orphan: false, orphanReason: null };
    return { kind: "root-disk", owner: null, orphan: true, orphanReason: { code: "no_nova_server" } };
  }
  const vol = img.pool === "volumes" ? VOLUME.exec(img.name) : null;
  if (vol) {
    const v = volumes.get(vol[1]);
    if (v) return { kind: "volume", owner: { type: "cinder", id: v.id, name: v.name || v.id }, orphan: false, orphanReason: null };
    return { kind: "volume", owner: null, orphan: true, orphanReason: { code: "no_cinder_volume" } };
  }
  const hidden = img.pool === "volumes" ? DELETED_VOLUME.exec(img.name) : null;
  if (hidden) {
    const v = volumes.get(hidden[1]);
    if (v)
      return {
        kind: "volume",
        cinderDeleted: true,
        owner: { type: "cinder", id: v.id, name: v.name || v.id },
        orphan: false,
        orphanReason: null,
      };
    // An orphan only once its clones are proven gone: decided in buildLineage, where the children are known.
    return { kind: "volume", cinderDeleted: true, owner: null, orphan: false, orphanReason: null };
  }
  // Names no OpenStack service writes: shown, never called orphans (someone else may own them).
  return { kind: "other", owner: null, orphan: false, orphanReason: null };
}

/**
 * A Cinder hidden parent (volume-<A>.deleted) is an orphan only when no clone reads from any of its snapshots
 * and no `volume-<B>.clone_snap` snapshot names a volume Cinder still has (its clone may just not be read).
 */
function hiddenParentVerdict(n: LineageNode, volumes: Volumes): Pick<LineageNode, "orphan" | "orphanReason"> {
  const live = n.snapshots.map((s) => CLONE_SNAP.exec(s.name)?.[1]).filter((id): id is string => !!id && volumes.has(id));
  if (n.blockedBy.length > 0 || live.length > 0) return { orphan: false, orphanReason: null };
  return {
    orphan: true,
    orphanReason: { code: "hidden_parent_unread" },
  };
}

const NO_COVERAGE: Coverage = { basis: "named_and_linked", read: 0, truncated: false, walks: [] };

/** RBD images + live OpenStack resources → one tree per root image in `images`, with orphans marked. */
/** The clones that read from an image's snapshots (each once): what keeps the image from being deleted. */
export const directClones = (snapshots: { children: string[] }[]): string[] => [...new Set(snapshots.flatMap((s) => s.children))];

export function buildLineage(rbd: RbdFacts[], owners: OwnerFacts, seen: { pending?: PendingImage[]; coverage?: Coverage } = {}): Lineage {
  const glance = new Map(owners.images.map((g) => [g.id, g]));
  // A migrated volume's data is volume-<name_id>: both its id and its name_id name it.
  const volumes: Volumes = new Map(
    owners.volumes.flatMap((v) => [[v.id, v] as const, ...(v.nameId && v.nameId !== v.id ? [[v.nameId, v] as const] : [])]),
  );
  const unwalked = new Set<string>((seen.coverage?.walks ?? []).map((w) => w.pool));
  const bySpec = new Map(rbd.map((i) => [specOf(i.pool, i.name), i]));
  const nodes: LineageNode[] = [...rbd]
    .sort((a, b) => specOf(a.pool, a.name).localeCompare(specOf(b.pool, b.name)))
    .map((img) => {
      const snapshots = img.snapshots.map((s) => ({
        name: s.name,
        protected: s.protected,
        children: s.children
          .map((c) => specOf(c.pool, c.name))
          .filter((c) => bySpec.has(c))
          .sort(),
      }));
      return {
        spec: specOf(img.pool, img.name),
        pool: img.pool,
        name: img.name,
        ...classify(img, owners, glance, volumes, unwalked),
        provisionedBytes: img.size,
        usedBytes: img.used,
        usageNote: img.usageNote,
        parent: img.parent ? `${specOf(img.parent.pool, img.parent.name)}@${img.parent.snap}` : null,
        snapshots,
        blockedBy: directClones(snapshots),
      };
    });
  // Children also come from each clone's own `parent` (the dashboard's children lists can lag).
  const byNode = new Map(nodes.map((n) => [n.spec, n]));
  for (const n of nodes) {
    if (!n.parent) continue;
    const [pspec, snap] = n.parent.split("@");
    const p = byNode.get(pspec);
    const s = p?.snapshots.find((x) => x.name === snap);
    if (p && s && !s.children.includes(n.spec)) {
      s.children.push(n.spec);
      s.children.sort();
      p.blockedBy = [...new Set([...p.blockedBy, n.spec])];
    }
  }
  for (const n of nodes) {
    if (!n.cinderDeleted || n.owner) continue;
    const v = hiddenParentVerdict(n, volumes);
    Object.assign(n, v.orphan && unwalked.has(n.pool) ? { orphan: false, orphanReason: null, ownerUnknown: true } : v);
  }
  for (const n of nodes) n.run = runStateOf(n, owners, volumes);
  const parentOf = (n: LineageNode) => (n.parent ? byNode.get(n.parent.split("@")[0]) : undefined);
  const depth = (n: LineageNode) => {
    let d = 0;
    for (let p = parentOf(n), seen = 0; p && seen < 1000; p = parentOf(p), seen++) d++;
    return d;
  };
  const roots = nodes.filter((n) => n.pool === "images" && !parentOf(n));
  return {
    trees: roots.map((r) => ({ root: r.spec, label: r.owner?.name ?? r.spec })).sort((a, b) => a.label.localeCompare(b.label)),
    nodes,
    orphans: nodes
      .filter((n) => n.orphan)
      .map((n) => ({ spec: n.spec, d: depth(n) }))
      .sort((a, b) => b.d - a.d || a.spec.localeCompare(b.spec))
      .map((o) => o.spec),
    pending: seen.pending ?? [],
    coverage: seen.coverage ?? { ...NO_COVERAGE, read: rbd.length },
  };
}
