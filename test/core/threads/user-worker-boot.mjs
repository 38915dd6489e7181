// Boots test/core/threads/user-worker.mts in a Node worker thread: tsx's loader for the TypeScript
// sources, registered inside the worker (a Worker's execArgv does not carry `--import tsx` under vitest).
import { register } from 'tsx/esm/api';

register();
await import('./user-worker.mts');
