import type { SimState } from "../../core/state";
import { atLeast, type Version } from "../common/microversion";
import { glanceImages, type GlanceImage } from "../glance/model";
import type { BdmRequest, BootRequest } from "./boot";
import { flavors, keypairs } from "./model";
import { NovaError, validateNetworks } from "./network";
import type { AuthContext } from "../keystone/token-auth";

const GiB = 1024 ** 3;
const bad = (m: string) => new NovaError(400, m);

/** Validates a POST /servers body the way nova's schema and _create do, and builds the boot request. */
export function parseCreate(state: SimState, a: AuthContext, v: Version, raw: any): BootRequest {
  const s = raw?.server;
  if (!s || typeof s !== "object") throw bad("Invalid input for field/attribute server. Value: None. None is not of type 'object'");
  if (typeof s.name !== "string" || !s.name.trim())
    throw bad(`Invalid input for field/attribute server. Value: ${JSON.stringify(s)}. 'name' is a required property`);
  if (s.flavorRef === undefined)
    throw bad(`Invalid input for field/attribute server. Value: ${JSON.stringify(s)}. 'flavorRef' is a required property`);
  if (atLeast(v, "2.37") && s.networks === undefined)
    throw bad(`Invalid input for field/attribute server. Value: ${JSON.stringify(s)}. 'networks' is a required property`);
  // Before 2.37 the schema takes networks as a list only: "none" and "auto" are refused by jsonschema.
  if (!atLeast(v, "2.37") && typeof s.networks === "string")
    throw bad(`Invalid input for field/attribute networks. Value: ${s.networks}. '${s.networks}' is not of type 'array'`);
  if (s.block_device_mapping && s.block_device_mapping_v2)
    throw bad("Using different block_device_mapping syntaxes is not allowed in the same request.");
  const flavorId = String(s.flavorRef).split("/").pop()!;
  const flavor = flavors(state).get(flavorId);
  // Zed: FlavorNotFound's own text as a 400 (measured on the real tier), not "Invalid flavorRef provided.".
  if (!flavor) throw bad(`Flavor ${flavorId} could not be found.`);

  const bdms: BdmRequest[] = (s.block_device_mapping_v2 ?? []).map((b: any) => {
    if (b.volume_type !== undefined && !atLeast(v, "2.67"))
      throw bad(
        `Invalid input for field/attribute block_device_mapping_v2. Value: ${JSON.stringify(s.block_device_mapping_v2)}. Additional properties are not allowed ('volume_type' was unexpected)`,
      );
    const bootIndex = b.boot_index === null || b.boot_index === undefined ? null : Number(b.boot_index);
    const r: BdmRequest = {
      source_type: b.source_type,
      destination_type: b.destination_type ?? (b.source_type === "image" ? "local" : "volume"),
      uuid: b.uuid,
      volume_size: b.volume_size === undefined ? undefined : Number(b.volume_size),
      delete_on_termination: [true, "true", "True", "1"].includes(b.delete_on_termination),
      boot_index: bootIndex,
      volume_type: b.volume_type,
    };
    if (!["image", "volume", "snapshot", "blank"].includes(r.source_type))
      throw bad(`Invalid input for field/attribute source_type. Value: ${b.source_type}.`);
    if (r.source_type === "image" && r.destination_type === "volume" && !r.volume_size)
      throw bad("Block Device Mapping is Invalid: Images with destination_type 'volume' need to have a non-zero size specified");
    return r;
  });
  const bootVolume = bdms.find((b) => b.boot_index === 0 && b.destination_type === "volume");
  let image: GlanceImage | null = null;
  const imageRef = s.imageRef ? String(s.imageRef).split("/").pop()! : "";
  const localImageBdm = bdms.find((b) => b.source_type === "image" && b.destination_type === "local" && b.boot_index === 0);
  const imageId = imageRef || localImageBdm?.uuid || (bootVolume?.source_type === "image" ? bootVolume.uuid : "");
  if (imageId) {
    image = glanceImages(state).get(imageId) ?? null;
    const visible =
      image && (a.isAdmin || image.owner === a.projectId || image.visibility === "public" || image.visibility === "community");
    if (!image || !visible) throw bad(`Image ${imageId} could not be found.`);
    if (image.status !== "active") throw bad(`Image ${imageId} is not active.`);
  } else if (!bootVolume) throw bad("Missing imageRef attribute");
  if (image) {
    if (image.min_ram > flavor.ram) throw bad("Flavor's memory is too small for requested image.");
    if (bootVolume) {
      if (bootVolume.source_type === "image" && (bootVolume.volume_size ?? 0) * GiB < image.min_disk * GiB)
        throw bad(
          `Volume is smaller than the minimum size specified in image metadata. Volume size is ${(bootVolume.volume_size ?? 0) * GiB} bytes, minimum size is ${image.min_disk * GiB} bytes.`,
        );
    } else {
      // nova's _check_requested_image: the image's size first (FlavorDiskSmallerThanImage), then min_disk (…ThanMinDisk).
      const size = image.virtual_size ?? image.size ?? 0;
      if (flavor.disk > 0 && flavor.disk * GiB < size)
        throw bad(`Flavor's disk is too small for requested image. Flavor disk is ${flavor.disk * GiB} bytes, image is ${size} bytes.`);
      if (flavor.disk > 0 && flavor.disk < image.min_disk)
        throw bad(
          `Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is ${flavor.disk * GiB} bytes, minimum size is ${image.min_disk * GiB} bytes.`,
        );
    }
  }
  if (s.key_name && !keypairs(state).get(`${a.userId}:${s.key_name}`)) throw bad("Invalid key_name provided.");
  const networks = validateNetworks(state, a.projectId, s.networks);
  return {
    name: s.name,
    projectId: a.projectId,
    userId: a.userId,
    flavor,
    image,
    bdms,
    networks,
    keyName: s.key_name ?? null,
    metadata: s.metadata ?? {},
    availabilityZone: s.availability_zone || "nova",
    securityGroups: (s.security_groups ?? [{ name: "default" }]).map((g: any) => g.name),
    description: s.description ?? null,
    userData: s.user_data ?? null,
    accessIPv4: s.accessIPv4,
    accessIPv6: s.accessIPv6,
    schedulerHints: raw["OS-SCH-HNT:scheduler_hints"] ?? raw.scheduler_hints ?? {},
  };
}
