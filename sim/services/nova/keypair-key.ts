import { createHash } from "node:crypto";

/** "aa:bb:..." of an md5 digest, as nova shows a key pair's fingerprint. */
export const md5Colons = (data: Uint8Array): string => createHash("md5").update(data).digest("hex").match(/../g)!.join(":");

const KEY_TYPES = ["ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"];

/**
 * nova.crypto.generate_fingerprint for an OpenSSH public key: the md5 of the decoded key blob, or null when the
 * text is not a key (nova then answers "Keypair data is invalid: failed to generate fingerprint"). The blob must
 * begin with its own length-prefixed type name, as every OpenSSH public key does.
 */
export function sshFingerprint(publicKey: string): string | null {
  const [type, b64] = publicKey.trim().split(/\s+/);
  if (!type || !b64 || !KEY_TYPES.includes(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const blob = Buffer.from(b64, "base64");
  if (blob.length < 4 + type.length || blob.readUInt32BE(0) !== type.length || blob.subarray(4, 4 + type.length).toString() !== type)
    return null;
  return md5Colons(blob);
}

/** A public key of the given type whose blob has the OpenSSH framing (the sim's stand-in for a generated key). */
export function fakePublicKey(type: string, body: Buffer): string {
  const t = Buffer.from(type, "latin1");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return `${type} ${Buffer.concat([len, t, body]).toString("base64")} Generated-by-Nova`;
}
