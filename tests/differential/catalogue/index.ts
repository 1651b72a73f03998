import type { Probe } from "../types";
import { ceph } from "./ceph";
import { compute } from "./compute";
import { identity } from "./identity";
import { image } from "./image";
import { network } from "./network";
import { volume } from "./volume";

/** Every probe, service by service; ids are unique. */
export const catalogue: Probe[] = [...identity, ...compute, ...network, ...image, ...volume, ...ceph];
