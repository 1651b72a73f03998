/** The boot request's limits, apart from the schema so the form can state them without loading zod. */
export const BOOT_LIMITS = { nameMax: 255, countMin: 1, countMax: 50, volumeSizeMin: 1, volumeSizeMax: 65536, listMax: 16 } as const;
