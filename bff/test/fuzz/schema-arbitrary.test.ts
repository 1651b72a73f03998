import fc from "fast-check";
import type { ZodType } from "zod";
import doc from "../../../lib/api/openapi.json";
import { BootPlanRequestSchema, BootRequestSchema } from "../../features/boot/schema";
import { LoginSchema, SwitchProjectSchema } from "../../features/auth/schema";
import { HealRequestSchema } from "../../features/dhcp/schema";
import { createSchemaArbitraries, type OpenApiDoc } from "./schema-arbitrary";
import { operationsOf, requestArbitrary } from "./request-arbitrary";

/**
 * The mapper is faithful to the document: what `valid` makes from a request body's JSON Schema, the BFF's own zod
 * schema (which the document was generated from) accepts; what `offSchema` makes, it refuses.
 */
const arbs = createSchemaArbitraries(doc as unknown as OpenApiDoc);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const cases: [string, ZodType][] = [
  ["BootRequest", BootRequestSchema],
  ["BootPlanRequest", BootPlanRequestSchema],
  ["Login", LoginSchema],
  ["SwitchProject", SwitchProjectSchema],
  ["DhcpHealRequest", HealRequestSchema],
];

describe("OpenAPI schema → fast-check arbitraries", () => {
  it.each(cases)("valid %s values pass the route's zod schema", (name, zod) => {
    fc.assert(
      fc.property(arbs.valid(ref(name)), (v) => zod.safeParse(v).success),
      { seed: 1, numRuns: 200 },
    );
  });

  it.each(cases)("off-schema %s values fail the route's zod schema", (name, zod) => {
    fc.assert(
      fc.property(arbs.offSchema(ref(name)), (v) => !zod.safeParse(v).success),
      { seed: 1, numRuns: 200 },
    );
  });

  it("requests reach every documented operation and the proxy, deterministically for a seed", { timeout: 60_000 }, () => {
    const routes = (seed: number) => fc.sample(requestArbitrary(doc as unknown as OpenApiDoc), { seed, numRuns: 1000 }).map((r) => r.route);
    const a = routes(7);
    expect(new Set(a).size).toBe(operationsOf(doc as unknown as OpenApiDoc).length + 1);
    expect(routes(7)).toEqual(a);
  });
});
