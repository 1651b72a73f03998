import { createHash } from "node:crypto";

const TYPES = new Set(["ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]);

/**
 * nova.crypto.generate_fingerprint: the key must load as an OpenSSH public key (here: a known type whose base64 blob
 * starts with the same type, length-prefixed), and the fingerprint is the MD5 of the decoded blob, colon-separated.
 * Answers null where Nova raises InvalidKeypair ("failed to generate fingerprint").
 */
export function sshFingerprint(publicKey: string): string | null {
  const [type, data] = publicKey.trim().split(/\s+/);
  if (!type || !data || !TYPES.has(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  const blob = Buffer.from(data, "base64");
  if (blob.length < 4) return null;
  const len = blob.readUInt32BE(0);
  if (blob.subarray(4, 4 + len).toString("latin1") !== type || blob.length <= 4 + len) return null;
  return createHash("md5").update(blob).digest("hex").match(/../g)!.join(":");
}

/** A public key of the given type whose blob has the OpenSSH framing (the sim's stand-in for a generated key). */
export function fakePublicKey(type: string, body: Buffer): string {
  const t = Buffer.from(type, "latin1");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return `${type} ${Buffer.concat([len, t, body]).toString("base64")} Generated-by-Nova`;
}
