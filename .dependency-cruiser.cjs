/**
 * The layering of bindings/ (README "Layers"), checked by `npm run check:layers` (part of `npm test`).
 *
 *   core/        imports only core/
 *   js/, wasm/   the two backends: import core/ and themselves, never each other
 *   loader.ts    init(): may import core/, js/, wasm/
 *   api/         imports core/ and api/ — and api/matrix.ts imports fluent.ts (the one deliberate cycle)
 *   derived/     imports core/, api/ and derived/
 *   fluent.ts    re-exports api/ and derived/ functions for the Matrix methods
 *   index.ts     the public exports
 *
 * No import cycle is allowed except those through fluent.ts (Matrix's fluent methods ↔ the free
 * functions that make matrices). Type-only imports count too.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle that does not pass through bindings/fluent.ts (the one documented cycle).',
      from: { path: '^bindings/' },
      to: { circular: true, viaOnly: { pathNot: '^bindings/fluent[.]ts$' } },
    },
    {
      name: 'core-imports-core-only',
      severity: 'error',
      from: { path: '^bindings/core/' },
      to: { path: '^bindings/', pathNot: '^bindings/core/' },
    },
    {
      name: 'backends-import-core-only',
      severity: 'error',
      from: { path: '^bindings/(js|wasm)/' },
      to: { path: '^bindings/', pathNot: ['^bindings/core/', '^bindings/$1/'] },
    },
    {
      name: 'api-below-derived',
      severity: 'error',
      comment: 'api/ may import core/ and api/ only (api/matrix.ts also fluent.ts).',
      from: { path: '^bindings/api/' },
      to: { path: '^bindings/', pathNot: ['^bindings/core/', '^bindings/api/', '^bindings/fluent[.]ts$'] },
    },
    {
      name: 'only-matrix-uses-fluent',
      severity: 'error',
      from: { path: '^bindings/', pathNot: ['^bindings/api/matrix[.]ts$'] },
      to: { path: '^bindings/fluent[.]ts$' },
    },
    {
      name: 'derived-above-api',
      severity: 'error',
      from: { path: '^bindings/derived/' },
      to: { path: '^bindings/', pathNot: ['^bindings/core/', '^bindings/api/', '^bindings/derived/'] },
    },
    {
      name: 'nothing-imports-the-entry',
      severity: 'error',
      from: { path: '^bindings/', pathNot: '^bindings/index[.]ts$' },
      to: { path: '^bindings/(index|loader)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
