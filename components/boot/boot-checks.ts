/**
 * What the launch wizard loads on intent (boot-schema.ts), not with the page: the shared zod schema and the checks
 * that cannot run without it (the draft's problems, the plan's and the launch's bodies). Until it has loaded, the
 * wizard shows no problems and keeps Launch disabled.
 */
export * from "@/lib/schemas/boot";
export { validateDraft } from "./validate-draft";
export { toBootRequest, toPlanRequest } from "./draft-request";
