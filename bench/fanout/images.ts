import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mapLimit } from "../../bff/features/dhcp/load-state";
import { type Cli, toolEnv } from "./rbd";

/**
 * The fan-out bench's images on the real tier, all named `<prefix>-…` in one pool: a parent with its snapshots
 * (`s1`, protected, the clones' parent; plain ones taken before each timed write to it), `clone-NN` (clones of s1,
 * left as clones) and `flat-NN` (clones of s1, then flattened: independent images holding the same data).
 */
export interface FanoutImages {
  pool: string;
  prefix: string;
  parent: string;
  clones: string[];
  flats: string[];
}

export function fanoutImages(pool: string, prefix: string, count: number): FanoutImages {
  const nn = (i: number) => String(i).padStart(2, "0");
  return {
    pool,
    prefix,
    parent: `${pool}/${prefix}-parent`,
    clones: Array.from({ length: count }, (_, i) => `${pool}/${prefix}-clone-${nn(i)}`),
    flats: Array.from({ length: count }, (_, i) => `${pool}/${prefix}-flat-${nn(i)}`),
  };
}

const run = promisify(execFile);

/** Writes `bytes` of /dev/urandom into a new image (`rbd import` from stdin): real data, nothing a copy could skip as zeros. */
export async function importRandom(conf: string, image: string, bytes: number): Promise<void> {
  await run(
    "bash",
    [
      "-o",
      "pipefail",
      "-c",
      'head -c "$1" /dev/urandom | /usr/bin/rbd --conf "$2" import --no-progress - "$3"',
      "_",
      String(bytes),
      conf,
      image,
    ],
    { env: toolEnv, timeout: 300_000 },
  );
}

interface DuImage {
  name: string;
  snapshot?: string;
  provisioned_size: number;
  used_size: number;
}

/** `rbd du` of the pool's images under the prefix (heads only): provisioned and used bytes per image name. */
export async function usage(c: Cli, f: FanoutImages): Promise<Map<string, { provisioned: number; used: number }>> {
  const du = await c.rbdJson<{ images: DuImage[] }>(["du", "-p", f.pool]);
  return new Map(
    du.images
      .filter((i) => i.name.startsWith(`${f.prefix}-`) && !i.snapshot)
      .map((i) => [`${f.pool}/${i.name}`, { provisioned: i.provisioned_size, used: i.used_size }]),
  );
}

/** The images a parent snapshot's clones are (`rbd children`), as pool/name. */
export async function children(c: Cli, snap: string): Promise<string[]> {
  const kids = await c.rbdJson<{ pool: string; image: string }[]>(["children", snap]);
  return kids.map((k) => `${k.pool}/${k.image}`);
}

/**
 * Removes every image under the prefix, whatever state a run left: clones and flattened images first, then the
 * parent's snapshots (unprotected first), then the parent. Returns what is still there afterwards (nothing, normally).
 */
export async function cleanup(c: Cli, f: FanoutImages): Promise<string[]> {
  const mine = async () => ((await c.rbdJson<string[]>(["ls", "-p", f.pool])) ?? []).filter((n) => n.startsWith(`${f.prefix}-`));
  const names = await mine();
  const others = names.filter((n) => `${f.pool}/${n}` !== f.parent);
  await mapLimit(others, 4, (n) => c.rbd(["rm", "--no-progress", `${f.pool}/${n}`]).catch((e) => console.error(`rm ${n}: ${e.message}`)));
  if (names.some((n) => `${f.pool}/${n}` === f.parent)) {
    try {
      const snaps = await c.rbdJson<{ name: string; protected: string }[]>(["snap", "ls", f.parent]);
      for (const s of snaps.filter((x) => x.protected === "true")) await c.rbd(["snap", "unprotect", `${f.parent}@${s.name}`]);
      if (snaps.length) await c.rbd(["snap", "purge", "--no-progress", f.parent]);
      await c.rbd(["rm", "--no-progress", f.parent]);
    } catch (e) {
      console.error(`removing ${f.parent}: ${(e as Error).message}`);
    }
  }
  return (await mine()).map((n) => `${f.pool}/${n}`);
}
