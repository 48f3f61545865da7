// The layers of lib/ (ARCHITECTURE.md, "Layers"), enforced by `npm run lint`: a folder may import
// its own files and the folders of the layers below it, never one beside or above it. So no two
// folders can import each other, directly or round about, and a new such import fails CI with the
// rule that names the two layers. Bottom first.
const LAYERS = [
  ["generated", "env", "errors", "random-bytes", "money", "canonical-json", "sms"], // pure foundations
  ["log"], // the server's log (its level from env); every layer above logs through it
  ["ids", "net", "db", "check-env"], // identifiers, the network guard, the database
  ["events", "org-context", "rate-limit", "job-runs", "realtime"], // event client and types, the org a call acts in, token buckets; live updates (LISTEN/NOTIFY)
  ["audit"],
  ["custom-fields", "lists", "api-keys", "carriers", "webhooks"], // small domains; carrier transports; webhook outbox
  ["media", "segments", "links", "keywords", "conversations"], // MMS media; the segment rule model and its SQL compiler; short links and their clicks; org keyword rules; a contact's conversation and the routing of their texts to it
  ["messaging"], // the message pipeline: send, status, history, receipts, inbound, consent
  ["contacts", "verify"],
  ["senders", "simulator"],
  ["orgs", "delivery"], // organisations (each gets a simulator) and their sending rules; the dispatcher and live carrier links
  ["auth", "campaigns"], // Auth.js; campaigns, which obey the org's sending rules
  ["members", "analytics", "inbox"], // members, roles, invitations; the dashboard's rollups and figures, over every domain below; the team inbox
  ["workflows"], // automated workflows: the graph model, drafts and versions, enrolment, the interpreter's steps, run history
  ["api"], // REST v1 plumbing
  ["twilio-api"], // the Twilio-compatible API, on the same pipeline
  ["jobs", "trpc"], // Inngest functions; the UI's procedures
  ["http"], // refusals before any route handler runs (proxy.ts, the server's clientError)
];

const folder = (name) => `^lib/${name}(/|\\.tsx?$)`;
const any = (names) => `^lib/(${names.join("|")})(/|\\.tsx?$)`;

const layerRules = LAYERS.flatMap((layer, rank) =>
  layer.map((name) => {
    const notBelow = LAYERS.slice(rank).flat().filter((other) => other !== name);
    return {
      name: `layer:${name}`,
      comment: `lib/${name} (layer ${rank}) may import only lib/${name} itself and the layers below it (.dependency-cruiser.cjs, ARCHITECTURE.md)`,
      severity: "error",
      from: { path: folder(name) },
      to: { path: any(notBelow) },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "lib-folder-unlisted",
      comment: "Every folder of lib/ has a place in LAYERS (.dependency-cruiser.cjs): add a new one there and to ARCHITECTURE.md",
      severity: "error",
      from: { path: "^lib/", pathNot: any(LAYERS.flat()) },
      to: {},
    },
    {
      name: "no-circular",
      comment: "Modules must not import each other round about (type-only imports aside: they vanish when compiled)",
      severity: "error",
      from: { path: "^(lib|app|components|executor)/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "lib-not-app",
      comment: "lib/ is below the app's routes, pages and components: it must not import them",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "scripts-no-server-only",
      comment: "prisma/seed.ts and scripts/ run under tsx, outside a server build, where lib/db.ts (import \"server-only\") throws: they make their own client with createPrismaClient (lib/db/client.ts). The benchmarks, which run the app's jobs in-process, run with --conditions=react-server (package.json)",
      severity: "error",
      from: { path: "^(prisma|scripts)/", pathNot: "^scripts/bench/" },
      to: { path: "^lib/db\\.ts$", reachable: true },
    },
    {
      name: "executor-stands-alone",
      comment: "The executor is a program of its own (it could be swapped for an Inngest server): of lib/ it uses only the pure helpers it shares",
      severity: "error",
      from: { path: "^executor/" },
      to: { path: "^lib/", pathNot: "^lib/(canonical-json|ids|random-bytes|db/session-limits)\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};
