import type { TestProject } from "vitest/node";
import { readFileSync } from "node:fs";

/** The scale-out tests reach the harness's embedded cloud as the sim target (tests/target.ts), for /_sim controls and fixtures. */
export default function setup(project: TestProject) {
  const file = process.env.SCALE_OUT_ENDPOINTS;
  if (!file) throw new Error("SCALE_OUT_ENDPOINTS is unset: run these tests through scripts/scale-out/run.sh");
  const e = JSON.parse(readFileSync(file, "utf8"));
  const user = (u: { username: string; password: string; project: string }) => ({ ...u, userDomain: "Default" });
  project.provide("target", {
    name: "sim",
    authUrl: `${e.sim}/identity/v3`,
    region: "RegionOne",
    users: { admin: user(e.users.admin), demo: user(e.users.demo) },
    simUrl: e.sim,
  });
}
