import { z } from "zod";

const KEY_TYPES = ["ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"];

/** Create (Nova generates the key, shown once) or import a public key: the form's schema and the BFF route's. */
export const KeypairCreateFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "is required")
      .max(255, "at most 255 characters")
      .refine((n) => /^[A-Za-z0-9 ._-]+$/.test(n), {
        message: "letters, digits, space, . _ - only",
        params: { code: "keypair_name_chars" },
      }),
    publicKey: z
      .string()
      .trim()
      .max(16384)
      .optional()
      .refine((k) => !k || (KEY_TYPES.includes(k.split(/\s+/)[0]) && /^[A-Za-z0-9+/]+={0,2}$/.test(k.split(/\s+/)[1] ?? "")), {
        message: "must be an OpenSSH public key (ssh-ed25519 AAAA…, ssh-rsa AAAA…)",
        params: { code: "public_key_invalid" },
      })
      .describe("Import this public key; without it Nova generates a pair and answers the private key once"),
  })
  .strict();

export type KeypairCreateInput = z.input<typeof KeypairCreateFields>;
