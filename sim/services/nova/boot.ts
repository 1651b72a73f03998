import { createHash } from "node:crypto";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { rbdRepo } from "../ceph/repo";
import { clone, createImage } from "../ceph/rbd";
import { glanceImages, type GlanceImage } from "../glance/model";
import { cloneDecision } from "../storage/clone-path";
import { CLONE_SECONDS, copySeconds, copyStages } from "../storage/timing";
import { volumes } from "../cinder/model";
import { CinderError, createVolume, DELETABLE, liveVolume } from "../cinder/ops";
import { readyAt, volumeStatus } from "../cinder/status";
import { awaitVolume, volumeNotCreated } from "./lifecycle";
import { novaConfig, servers, type Bdm, type Flavor, type Server } from "./model";
import { allocateNics, NovaError, type NetworkRequest } from "./network";

const GiB = 1024 ** 3;
/** Cloud seconds per build stage, besides the storage work (measured: raw BFV ACTIVE in ~4 s, build ~2 s). */
export const STAGE = { scheduling: 0.7, bdmNoVolume: 0.2, attach: 0.5, networking: 1.0, spawning: 1.5 };
export const COMPUTE_HOSTS = Array.from({ length: 18 }, (_, i) => `cs1-opc-${i + 1}`);

export interface BdmRequest {
  source_type: "image" | "volume" | "snapshot" | "blank";
  destination_type: "local" | "volume";
  uuid?: string;
  volume_size?: number;
  delete_on_termination?: boolean;
  boot_index?: number | null;
  volume_type?: string;
}
export interface BootRequest {
  id?: string;
  name: string;
  projectId: string;
  userId: string;
  flavor: Flavor;
  image: GlanceImage | null;
  bdms: BdmRequest[];
  networks: NetworkRequest[];
  keyName: string | null;
  metadata: Record<string, string>;
  availabilityZone: string;
  securityGroups: string[];
  description: string | null;
  userData: string | null;
  accessIPv4?: string;
  accessIPv6?: string;
  schedulerHints?: Record<string, unknown>;
  at?: number;
  host?: string;
}

const pickHost = (id: string) => COMPUTE_HOSTS[createHash("md5").update(id).digest()[0] % COMPUTE_HOSTS.length];
const instanceName = (id: string) => `instance-${createHash("md5").update(id).digest("hex").slice(0, 8)}`;
const devName = (i: number) => `/dev/vd${String.fromCharCode(97 + i)}`;

/**
 * nova boot, precomputed: the whole build timeline (and its failure, if Nova's volume wait runs out)
 * is fixed at request time from the storage timings, so status is later read off the clock.
 */
export function bootServer(state: SimState, r: BootRequest): Server {
  const ms = (s: number) => state.clock.ms(s);
  const cfg = novaConfig(state);
  const id = r.id ?? uuid();
  const t0 = r.at ?? state.clock.now();
  const host = r.host ?? pickHost(id);
  const scheduledAt = t0 + ms(STAGE.scheduling);
  let cursor = scheduledAt;
  let failure: Server["failure"] = null;
  const bdms: Bdm[] = [];
  const attempts = cfg.block_device_allocate_retries < 1 ? 1 : cfg.block_device_allocate_retries + 1;
  const intervalMs = ms(cfg.block_device_allocate_retries_interval);

  const volBdms = r.bdms.filter((b) => b.destination_type === "volume");
  volBdms.forEach((b, i) => {
    if (failure) return;
    let volId: string;
    let created = false;
    if (b.source_type === "volume") {
      const v = liveVolume(state, b.uuid ?? "");
      if (!v) throw new NovaError(400, `Block Device Mapping is Invalid: failed to get volume ${b.uuid}.`);
      const st = volumeStatus(v, t0);
      if (st !== "available") throw new NovaError(400, `Invalid volume: volume '${v.id}' status must be 'available'. Currently in '${st}'`);
      volId = v.id;
    } else {
      let v;
      try {
        v = createVolume(state, {
          projectId: r.projectId,
          userId: r.userId,
          size: b.volume_size,
          at: cursor,
          volumeType: b.volume_type,
          name: b.source_type === "blank" ? `${id}-blank-vol` : "",
          description: "",
          image: b.source_type === "image" ? glanceImages(state).get(b.uuid ?? "") : undefined,
          snapshotId: b.source_type === "snapshot" ? b.uuid : undefined,
        });
      } catch (e) {
        if (e instanceof CinderError) throw new NovaError(400, e.message);
        throw e;
      }
      volId = v.id;
      created = true;
      const w = awaitVolume(cursor, readyAt(v), attempts, intervalMs, v.errorAt);
      if (!w.ok) {
        const status = volumeStatus(v, w.lastPoll);
        const seconds = Math.round(
          w.attempts === attempts
            ? attempts * cfg.block_device_allocate_retries_interval
            : (w.attempts - 1) * cfg.block_device_allocate_retries_interval,
        );
        const message = volumeNotCreated(id, v.id, seconds, w.attempts, status);
        failure = {
          at: w.failAt,
          code: 500,
          message,
          details: `Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/nova/compute/manager.py", line 2563, in _build_resources\n    block_device_info = self._prep_block_device(context, instance,\nnova.exception.BuildAbortException: ${message}\n`,
        };
        // nova/virt/block_device.py _call_wait_func: on VolumeNotCreated Nova deletes the volume whatever
        // delete_on_termination says; Cinder refuses while it is still creating or downloading (Nova logs "Failed to
        // delete volume" and goes on), so only a volume already in error goes.
        if (DELETABLE.includes(volumeStatus(v, w.failAt))) volumes(state).put({ ...v, deleteAt: w.failAt });
        return;
      }
      cursor = w.at;
    }
    bdms.push({
      volumeId: volId,
      bootIndex: b.boot_index ?? null,
      deleteOnTermination: !!b.delete_on_termination,
      device: devName(i),
      attachmentId: uuid(),
      sourceType: b.source_type,
      createdByNova: created,
    });
  });
  const bdmDoneAt = failure ? (failure as { at: number }).at : cursor + ms(volBdms.length ? STAGE.attach : STAGE.bdmNoVolume);

  let rootDisk: Server["rootDisk"] = { kind: "volume" };
  let diskSeconds = 0;
  if (!failure && r.image && !volBdms.some((b) => (b.boot_index ?? -1) === 0)) {
    const d = cloneDecision(state, r.image);
    const repo = rbdRepo(state);
    const size = (r.flavor.disk || Math.ceil((r.image.virtual_size ?? r.image.size ?? GiB) / GiB)) * GiB;
    if (d.cloneable && d.ref) {
      clone(repo, d.ref, "vms", `${id}_disk`, t0, size);
      diskSeconds = CLONE_SECONDS;
    } else {
      const st = copyStages(r.image);
      createImage(repo, "vms", `${id}_disk`, {
        size,
        dataBytes: Math.min(r.image.size ?? 0, r.image.virtual_size ?? r.image.size ?? 0),
        created: t0,
      });
      diskSeconds = copySeconds(st);
    }
    rootDisk = { kind: "local", path: d.cloneable ? "clone" : "copy", reason: d.reason };
  }
  const networkedAt = bdmDoneAt + ms(STAGE.networking);
  const spawnedAt = networkedAt + ms(STAGE.spawning + diskSeconds);
  const nics = failure ? [] : allocateNics(state, id, r.projectId, host, r.availabilityZone, r.networks);

  for (const b of bdms) {
    const v = volumes(state).get(b.volumeId)!;
    volumes(state).put({
      ...v,
      attachments: [
        ...v.attachments,
        { attachmentId: b.attachmentId, serverId: id, device: b.device, attachedAt: bdmDoneAt, hostName: host },
      ],
    });
  }
  const bootFromVolume = volBdms.some((b) => (b.boot_index ?? -1) === 0);
  const server: Server = {
    id,
    name: r.name,
    projectId: r.projectId,
    userId: r.userId,
    flavorId: r.flavor.id,
    flavor: {
      vcpus: r.flavor.vcpus,
      ram: r.flavor.ram,
      disk: r.flavor.disk,
      ephemeral: r.flavor.ephemeral,
      swap: r.flavor.swap,
      original_name: r.flavor.name,
      extra_specs: r.flavor.extraSpecs,
    },
    imageId: bootFromVolume || !r.image ? "" : r.image.id,
    keyName: r.keyName,
    metadata: r.metadata,
    availabilityZone: r.availabilityZone,
    host,
    instanceName: instanceName(id),
    created: t0,
    accessIPv4: r.accessIPv4 ?? "",
    accessIPv6: r.accessIPv6 ?? "",
    description: r.description,
    userData: r.userData,
    securityGroups: r.securityGroups,
    nics,
    bdms: failure ? [] : bdms,
    tags: [],
    launchIndex: 0,
    reservationId: `r-${createHash("md5").update(`r${id}`).digest("hex").slice(0, 8)}`,
    schedulerHints: r.schedulerHints ?? {},
    timeline: { scheduledAt, bdmDoneAt, networkedAt, spawnedAt },
    failure,
    rootDisk,
    power: { stoppedAt: null, rebootUntil: null, rebootType: null, updated: t0 },
  };
  servers(state).put(server);
  return server;
}
