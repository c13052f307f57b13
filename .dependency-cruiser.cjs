/**
 * The rooms and their arrows, checked by dependency-cruiser in `npm test` (npm run deps):
 *   src/core       pure: imports only src/core
 *   src/functions  custom functions: import only src/core
 *   src/sheets     the Apps Script side, and the door (src/*.ts): never local/, test/, demo/…
 *   src/dialog     the import dialog's page, in the browser: src/core and Papa Parse only;
 *                  nothing of the server imports it (the build inlines it in an HTML file)
 *   local/         the local Apps Script runtime, a model of Google: never the product (src/)
 *   probe/gas/     the platform probe's Apps Script code (its own project, dist-probe/): itself,
 *                  the pure core and the shared typed-input table only; nothing imports it but
 *                  the probe's own tooling (probe/*.ts) and its tests
 * and no import cycle anywhere. test/rules shows each rule failing on a fixture.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'An import cycle: split the files along what each one holds. Like import/no-cycle, a cycle closed only by `import type` is not one: types are erased, and an object model (a sheet knows its spreadsheet, which lists its sheets) needs them.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'src/core is pure TypeScript: plain values in, plain values out.',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'functions-import-only-core',
      severity: 'error',
      comment:
        'Custom functions run in CUSTOM_FUNCTION mode: they compute from core, nothing else.',
      from: { path: '^src/functions/' },
      to: { pathNot: '^src/(core|functions)/' },
    },
    {
      name: 'product-stays-in-src',
      severity: 'error',
      comment:
        'The bundle is built from src/ alone: the runtime, tests, demo and bench are not shipped.',
      from: { path: '^src/', pathNot: '^src/dialog/' },
      to: { pathNot: '^src/' },
    },
    {
      name: 'dialog-imports-core-and-papaparse',
      severity: 'error',
      comment:
        "The dialog runs in the person's browser: it shares the core's readers and parses with Papa Parse, nothing else.",
      from: { path: '^src/dialog/' },
      to: { pathNot: '^(src/(core|dialog)/|node_modules/papaparse/)' },
    },
    {
      name: 'server-never-imports-dialog',
      severity: 'error',
      comment:
        'Browser code is not server code: the server opens the dialog by its HTML file name, never by import.',
      from: { path: '^src/', pathNot: '^src/dialog/' },
      to: { path: '^src/dialog/' },
    },
    {
      name: 'runtime-never-imports-product',
      severity: 'error',
      comment: 'local/ is a model of Google: it must not know the product it runs.',
      from: { path: '^local/' },
      to: { path: '^src/' },
    },
    {
      name: 'probe-stays-apart',
      severity: 'error',
      comment:
        'The probe is pushed to a scratch spreadsheet on its own: it may use the pure core and the typed-input table, never the add-on, the runtime or Node tooling.',
      from: { path: '^probe/gas/' },
      to: { pathNot: '^(probe/gas/|src/core/|test/fixtures/typed-input[.]ts$)' },
    },
    {
      name: 'product-never-imports-probe',
      severity: 'error',
      comment: 'Nothing of the probe is bundled into dist/Code.js.',
      from: { path: '^src/' },
      to: { path: '^probe/' },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment:
        "Every import of the project's own files resolves: an arrow the checker cannot follow is an arrow it cannot judge.",
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out|coverage)/|^test/rules/fixtures/' },
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
  },
};
