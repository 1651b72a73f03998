import { readFileSync } from "node:fs";
import { DOC_PATH, SCHEMA_PATH, generate } from "./openapi-doc";

describe("checked-in API contract", () => {
  it("lib/api/openapi.json and schema.d.ts match the BFF's routes (run `npm run gen:api` if this fails)", async () => {
    const { doc, types } = await generate();
    expect(readFileSync(DOC_PATH, "utf8")).toBe(doc);
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(types);
  }, 60_000);
});
