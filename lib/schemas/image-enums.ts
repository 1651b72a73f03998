/** Glance's enums as its image schema lists them, apart from the zod schemas so a form can offer them without loading zod. */
export const DISK_FORMATS = ["raw", "qcow2", "vmdk", "vdi", "vhd", "vhdx", "iso", "ami", "ari", "aki", "ploop"] as const;
export const CONTAINER_FORMATS = ["bare", "ovf", "ova", "ami", "ari", "aki", "docker", "compressed"] as const;
export const VISIBILITIES = ["private", "shared", "community", "public"] as const;
