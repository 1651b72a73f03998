import { inject } from "vitest";

/** What an integration test knows about the cloud under test; the same shape for both targets. */
export interface TargetUser {
  username: string;
  password: string;
  userDomain: string;
  project: string;
}
export interface TargetInfo {
  name: "sim" | "real";
  authUrl: string;
  region: string;
  users: { admin: TargetUser; demo: TargetUser };
  /** Base URL of the embedded cloud, for /_sim controls (sim only). */
  simUrl?: string;
  /** The real tier's endpoints.json, as written by scripts/real-cloud (real only). */
  real?: Record<string, any>;
}

declare module "vitest" {
  export interface ProvidedContext {
    target: TargetInfo;
  }
}

export const target: TargetInfo = inject("target");
export const onSim = target.name === "sim";
export const onReal = target.name === "real";

/** POSTs a /_sim control; only valid on the sim target. */
export async function simControl(path: string, body: unknown = {}): Promise<any> {
  if (!target.simUrl) throw new Error("sim controls exist only on the sim target");
  const res = await fetch(`${target.simUrl}/_sim${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/_sim${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}
