/**
 * The import rules of the house (docs/architecture.md), checked by `npm run check:imports` in `npm test`.
 * Test files may reach across (an integration test drives the sim); production code may not.
 */
const TESTS = "(\\.test\\.tsx?$|\\.int\\.test\\.ts$|/test/|^tests/|^e2e/|^bench/)";

/**
 * The sim's services are layered as the real cloud's are: keystone and common at the bottom, then
 * ceph < glance < storage (the clone path Nova and Cinder share) < cinder < nova, and neutron < nova.
 * A service imports only those below it; an effect on a service above goes through sim/effects.ts, wired in sim/app.ts.
 */
const SIM_ABOVE = {
  keystone: ["common", "ceph", "glance", "storage", "cinder", "neutron", "nova"],
  common: ["keystone", "ceph", "glance", "storage", "cinder", "neutron", "nova"],
  ceph: ["glance", "storage", "cinder", "neutron", "nova"],
  glance: ["storage", "cinder", "neutron", "nova"],
  storage: ["cinder", "neutron", "nova"],
  cinder: ["neutron", "nova"],
  neutron: ["ceph", "glance", "storage", "cinder", "nova"],
};
const SIM_SERVICE_RULES = [
  ...Object.entries(SIM_ABOVE).map(([service, above]) => ({
    name: `sim-${service}-no-upward`,
    comment: `sim/services/${service} imports no service above it (${above.join(", ")}): cross-service effects go through sim/effects.ts.`,
    severity: "error",
    from: { path: `^sim/services/${service}/`, pathNot: TESTS },
    to: { path: `^sim/services/(${above.join("|")})/` },
  })),
  {
    name: "sim-services-not-composition",
    comment: "Services never import the sim's composition (app, controls, effects, scenarios): those import the services.",
    severity: "error",
    from: { path: "^sim/services/", pathNot: TESTS },
    to: { path: "^sim/(app|control|effects|index|main)\\.ts$|^sim/scenarios/" },
  },
];

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
      name: "sim-core-below-services",
      comment: "sim/core is the sim's plumbing (state, store, clock, faults): it imports no service (token auth is Keystone's).",
      severity: "error",
      from: { path: "^sim/core/", pathNot: TESTS },
      to: { path: "^sim/(services|scenarios)/|^sim/(app|control|effects|index|main)\\.ts$" },
    },
    ...SIM_SERVICE_RULES,
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
