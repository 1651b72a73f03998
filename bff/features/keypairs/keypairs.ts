import type { Nova } from "../../openstack/nova";
import type { Keypair, KeypairCreated } from "./schema";

/** The user's key pairs (Nova keys them by user, not project), sorted by name. */
export async function listKeypairs(nova: Nova): Promise<{ items: Keypair[] }> {
  const items = (await nova.keypairs()).map((k) => ({ name: k.name, fingerprint: k.fingerprint, type: k.type ?? "ssh" }));
  return { items: items.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** Creates (Nova generates; the private key passes through once) or imports a key pair. Never retried. */
export async function createKeypair(nova: Nova, input: { name: string; publicKey?: string }): Promise<KeypairCreated> {
  const k = await nova.createKeypair(input.name, input.publicKey || undefined);
  return { name: k.name, fingerprint: k.fingerprint, type: k.type ?? "ssh", privateKey: k.private_key ?? null };
}
