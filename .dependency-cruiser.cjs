/**
 * The one-way arrows of docs/ARCHITECTURE (shared/ARCHITECTURE.md), checked on every `npm run lint`:
 * web → features/*\/schema.ts only; server → features → engine, db, lib; engine imports nothing of ours
 * but itself; no feature touches another feature's repository.
 */
module.exports = {
  forbidden: [
    {
      name: "engine-is-pure",
      comment: "The matching engine does no I/O and knows nothing of the database, the server or the features.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { path: "^src/(db|server|features|web|lib)/" },
    },
    {
      name: "web-only-imports-schemas",
      comment: "The web app may import a feature's schema.ts (types, validation) and nothing else from the server side.",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/(db|server|engine)/|^src/features/[^/]+/(?!schema\\.ts$)" },
    },
    {
      name: "no-foreign-repository",
      comment: "A feature calls other features' services, never their repositories.",
      severity: "error",
      from: { path: "^src/features/([^/]+)/" },
      to: { path: "^src/features/([^/]+)/[a-z-]*repository[.]ts$", pathNot: "^src/features/$1/" },
    },
    {
      name: "features-do-not-import-server",
      severity: "error",
      from: { path: "^src/(features|db|lib)/" },
      to: { path: "^src/server/" },
    },
    {
      name: "lower-layers-do-not-import-features",
      severity: "error",
      from: { path: "^src/(db|lib)/" },
      to: { path: "^src/features/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test(-support)?\\.ts$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
