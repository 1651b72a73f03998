import { ApiError } from "../../errors";
import { buildServerRequest } from "./build-server-request";
import { gatherPlanFacts, type BootIo } from "./gather";
import { planBoot } from "./plan-boot";
import type { BootChoices, BootPlan } from "./schema";
import { sessionFacts } from "./session-facts";
import { META } from "./progress";

export async function planFor(io: BootIo, choices: BootChoices): Promise<BootPlan> {
  return planBoot(await gatherPlanFacts(io, choices));
}

/**
 * Plans again on the server, on fresh reads (the browser's plan may be stale, and so may the session's shared
 * facts), refuses when anything blocks, then sends Nova one POST /servers. It is never retried: a lost answer
 * must not become two servers. The shared facts are forgotten again afterwards, so the next plan counts this boot.
 */
export async function launchBoot(io: BootIo, name: string, choices: BootChoices & { flavorId: string }, now = Date.now()) {
  sessionFacts.forget(io);
  try {
    return await planAndCreate(io, name, choices, now);
  } finally {
    sessionFacts.forget(io);
  }
}

async function planAndCreate(io: BootIo, name: string, choices: BootChoices & { flavorId: string }, now: number) {
  const facts = await gatherPlanFacts(io, choices);
  const plan = planBoot(facts);
  if (plan.blockers.length) {
    const more = plan.blockers.length > 1 ? ` (and ${plan.blockers.length - 1} more)` : "";
    throw new ApiError(409, "boot_blocked", `${plan.blockers[0].message}${more}`, { details: plan.blockers });
  }
  const metadata: Record<string, string> = {
    [META.path]: plan.path,
    [META.p50]: String(plan.predictedSeconds.p50),
    [META.p90]: String(plan.predictedSeconds.p90),
    [META.wait]: String(plan.novaWait.seconds),
    [META.storageP50]: String(plan.storageSeconds.p50),
    ...(plan.alternative
      ? { [META.altPath]: plan.alternative.path, [META.altStorageP50]: String(plan.alternative.storageSeconds.p50) }
      : {}),
    [META.started]: new Date(now).toISOString(),
    [META.source]: `${choices.source.type}:${choices.source.id}`,
    ...(plan.volumeSizeGiB !== null ? { [META.volumeGiB]: String(plan.volumeSizeGiB) } : {}),
  };
  const body = buildServerRequest({
    name,
    choices,
    metadata,
    volumeSizeGiB: plan.path === "existing-volume" ? null : plan.volumeSizeGiB,
    volumeBackedSnapshot: facts.source.kind === "image" && !!facts.source.volumeBacked,
  });
  const created = await io.nova.createServer(body);
  if (!created.id)
    throw new ApiError(502, "upstream_error", "Nova (compute) accepted the boot but answered without a server id", { service: "compute" });
  return { serverId: created.id, plan };
}
