import { z } from "@hono/zod-openapi";

/** The fields of every answer from shared facts (FactsStamp), described for the facts of `what` ("Neutron facts"). */
export const factsStampFields = (what: string, reading: string) => ({
  gatheredAt: z.string().openapi({ description: `When the ${what} this answer comes from were gathered (ISO 8601)` }),
  ageS: z
    .number()
    .int()
    .min(0)
    .openapi({ description: `How old the ${what} were when this answer was made (s)` }),
  sharedForS: z
    .number()
    .min(0)
    .openapi({ description: `How long these ${what} are shared by every admin viewer before a view ${reading} anew` }),
  regathering: z.boolean().openapi({
    description: `These ${what} are past sharedForS and a new gather is running behind them (a big cloud's gather does not keep viewers waiting); look again shortly. A refresh waits for fresh ones`,
  }),
});
