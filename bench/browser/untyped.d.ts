// Benchmark.js's own dependencies, imported only to hand them to it as globals (prelude.ts).
declare module 'lodash';
declare module 'platform';
