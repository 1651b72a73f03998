/**
 * The import rules of the house (docs/architecture.md), checked by `npm run check:imports` in `npm test`.
 * Test files may reach across (an integration test drives the sim); production code may not.
 */
const TESTS = "(\\.test\\.tsx?$|\\.int\\.test\\.ts$|/test/|^tests/|^e2e/|^bench/)";

module.exports = {
  forbidden: [
    {
      name: "bff-not-sim",
      comment: "The BFF must never know which cloud it talks to: production BFF code never imports the sim.",
      severity: "error",
      from: { path: "^bff/", pathNot: TESTS },
      to: { path: "^sim/" },
    },
    {
      name: "ui-not-bff",
      comment: "The UI talks to the BFF over HTTP only (lib/api's generated types), never by import.",
      severity: "error",
      from: { path: "^(components|lib|app)/", pathNot: `${TESTS}|^app/api/` },
      to: { path: "^bff/" },
    },
    {
      name: "sim-not-product",
      comment: "The embedded cloud stands alone: it imports nothing of the product.",
      severity: "error",
      from: { path: "^sim/" },
      to: { path: "^(bff|lib|components|app)/" },
    },
    {
      name: "no-cycles-sim",
      comment: "The sim has no import cycles.",
      severity: "error",
      from: { path: "^sim/" },
      to: { circular: true },
    },
    {
      name: "no-cycles-bff",
      comment: "The BFF has no runtime import cycles (a type-only import back, e.g. of BootIo, loads nothing).",
      severity: "error",
      from: { path: "^bff/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^node_modules|^\\.next|^lib/api/schema\\.d\\.ts)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
