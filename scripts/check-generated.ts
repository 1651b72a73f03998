import { readFileSync } from "node:fs";
import { DOC_PATH, SCHEMA_PATH, generate } from "./openapi-doc";

const { doc, types } = await generate();
const stale = [
  [DOC_PATH, doc],
  [SCHEMA_PATH, types],
].filter(([p, want]) => {
  try {
    return readFileSync(p, "utf8") !== want;
  } catch {
    return true;
  }
});
if (stale.length) {
  console.error(`stale generated files: ${stale.map(([p]) => p).join(", ")}; run npm run gen:api`);
  process.exit(1);
}
console.log("generated API files are up to date");
