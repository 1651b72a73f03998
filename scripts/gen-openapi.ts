import { writeFileSync, mkdirSync } from "node:fs";
import { DOC_PATH, SCHEMA_PATH, generate } from "./openapi-doc";

const { doc, types } = await generate();
mkdirSync("lib/api", { recursive: true });
writeFileSync(DOC_PATH, doc);
writeFileSync(SCHEMA_PATH, types);
console.log(`wrote ${DOC_PATH} and ${SCHEMA_PATH}`);
