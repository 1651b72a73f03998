import type { SimState } from "../../core/state";

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  rxtx_factor: number;
  isPublic: boolean;
  disabled: boolean;
  description: string | null;
  extraSpecs: Record<string, string>;
}

export interface Keypair {
  id: string;
  name: string;
  userId: string;
  publicKey: string;
  fingerprint: string;
  type: "ssh" | "x509";
  created: number;
}

export interface Bdm {
  volumeId: string;
  bootIndex: number | null;
  deleteOnTermination: boolean;
  device: string;
  attachmentId: string;
  sourceType: string;
  createdByNova: boolean;
}

export interface Nic {
  networkId: string;
  networkName: string;
  addr: string;
  mac: string;
  portId: string;
  novaCreated: boolean;
}

/** Wall-clock ms at which each build stage ends; status is derived from these (lifecycle.ts). */
export interface BuildTimeline {
  scheduledAt: number;
  bdmDoneAt: number;
  networkedAt: number;
  spawnedAt: number;
}
export interface BuildFailure {
  at: number;
  message: string;
  code: number;
  details: string;
}

export interface Server {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  flavorId: string;
  flavor: {
    vcpus: number;
    ram: number;
    disk: number;
    ephemeral: number;
    swap: number;
    original_name: string;
    extra_specs: Record<string, string>;
  };
  imageId: string; // "" for boot from volume
  keyName: string | null;
  metadata: Record<string, string>;
  availabilityZone: string;
  host: string;
  instanceName: string;
  created: number;
  accessIPv4: string;
  accessIPv6: string;
  description: string | null;
  userData: string | null;
  securityGroups: string[];
  nics: Nic[];
  bdms: Bdm[];
  tags: string[];
  launchIndex: number;
  reservationId: string;
  schedulerHints: Record<string, unknown>;
  timeline: BuildTimeline;
  failure: BuildFailure | null;
  /** Local root disk in the vms pool: how it was made (clone of the image snapshot, or download + convert + import). */
  rootDisk: { kind: "local"; path: "clone" | "copy"; reason: string } | { kind: "volume" };
  power: { stoppedAt: number | null; rebootUntil: number | null; rebootType: "SOFT" | "HARD" | null; updated: number };
  /**
   * Set by DELETE: task_state `deleting` until `deletedAt`, then status DELETED (vm_state deleted, task_state null)
   * until `goneAt` and until one answer has shown it (`shown`), then 404. Real Zed answers that DELETED briefly
   * before the instance disappears; the sim shows it to at least one poll whatever the time scale.
   */
  deletion?: { at: number; deletedAt: number; goneAt: number; shown?: boolean } | null;
  /** Deleted with reclaim_instance_interval > 0: SOFT_DELETED, still owns its disks until reclaimed. */
  softDeletedAt?: number;
  /** The cell the server lives in ("cell1" when unset); see downCells. */
  cell?: string;
  /** The last lifecycle operation (resize, rebuild, shelve, rescue…): see lifecycle.ts `opState`. */
  op?: ServerOp | null;
  /** os-lock-server: set by lock, cleared by unlock; `byAdmin` needs the unlock_override policy to clear. */
  lock?: { reason: string | null; byAdmin: boolean } | null;
  /** VERIFY_RESIZE: the flavor to go back to on revertResize. */
  oldFlavor?: { id: string; flavor: Server["flavor"] } | null;
  /** os-instance-actions rows beyond create/stop/reboot/delete (derived from the timeline), oldest first. */
  actionLog?: { action: string; at: number; userId: string }[];
}

/** A state a lifecycle action leads to: `task` (status `during`) until `until`, then `after` with task_state null. */
export interface ServerOp {
  action: string;
  at: number;
  until: number;
  tasks: string[];
  during: { status: string; vm_state: string; power_state: number };
  after: { status: string; vm_state: string; power_state: number };
}

export interface NovaConfig {
  block_device_allocate_retries: number;
  block_device_allocate_retries_interval: number;
}

export const flavors = (s: SimState) => s.store.collection<Flavor>("nova.flavor");
export const keypairs = (s: SimState) => s.store.collection<Keypair>("nova.keypair");
export const servers = (s: SimState) => s.store.collection<Server>("nova.server");

/** Cells that do not answer (sim control): their servers are UNKNOWN at 2.69+ and skipped otherwise. */
export const downCells = (state: SimState): Set<string> => new Set(JSON.parse(state.store.meta.get("nova.cellsDown") ?? "[]") as string[]);
export function setCellDown(state: SimState, cell: string, down: boolean): string[] {
  const cells = downCells(state);
  if (down) cells.add(cell);
  else cells.delete(cell);
  state.store.meta.set("nova.cellsDown", JSON.stringify([...cells]));
  return [...cells];
}
export const cellOf = (s: Pick<Server, "cell">) => s.cell ?? "cell1";

export function novaConfig(state: SimState): NovaConfig {
  const raw = state.store.meta.get("nova.config");
  const env = {
    block_device_allocate_retries: Number(process.env.SIM_BDA_RETRIES ?? 60),
    block_device_allocate_retries_interval: Number(process.env.SIM_BDA_INTERVAL ?? 3),
  };
  return raw ? { ...env, ...JSON.parse(raw) } : env;
}
export function setNovaConfig(state: SimState, patch: Partial<NovaConfig>): NovaConfig {
  const next = { ...novaConfig(state), ...patch };
  state.store.meta.set("nova.config", JSON.stringify(next));
  return next;
}

/** The seeded flavors: DevStack's m1.* with their usual ids. */
export const FLAVORS: Flavor[] = [
  ["1", "m1.tiny", 1, 512, 1],
  ["2", "m1.small", 1, 2048, 20],
  ["3", "m1.medium", 2, 4096, 40],
  ["4", "m1.large", 4, 8192, 80],
  ["5", "m1.xlarge", 8, 16384, 160],
].map(([id, name, vcpus, ram, disk]) => ({
  id: String(id),
  name: String(name),
  vcpus: Number(vcpus),
  ram: Number(ram),
  disk: Number(disk),
  ephemeral: 0,
  swap: 0,
  rxtx_factor: 1.0,
  isPublic: true,
  disabled: false,
  description: null,
  extraSpecs: {},
}));

export function seedFlavors(state: SimState): void {
  const f = flavors(state);
  for (const x of FLAVORS) f.put(x);
  f.put({
    ...FLAVORS[1],
    id: "6",
    name: "c1.ssd-small",
    description: "1 vCPU, 2 GiB, disk on ceph-ssd",
    extraSpecs: { "hw:cpu_policy": "shared", "hw_rng:allowed": "True" },
  });
}
