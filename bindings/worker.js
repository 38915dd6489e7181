/**
 * A worker of the thread pool (bindings/threads.ts): one more instance of the threaded wasm module on
 * the shared memory, serving the pool's jobs (assembly/thread/pool.ts) until it quits.
 *
 * Plain JavaScript with no imports, so that Node's worker_threads runs it from the repository and the
 * package alike, and bundlers (Vite, webpack 5) emit it as the file the loader's literal
 * `new URL('./worker.js', import.meta.url)` names. Node's worker_threads is reached through
 * `process.getBuiltinModule` (no `node:` import a browser bundle would trip on).
 *
 * Protocol: one message { module, memory, ctrl, id } → instantiate → post { ready: id } → workerLoop
 * (blocks in memory.atomic.wait32 between jobs). A kernel that throws (a trap) is reported in the shared
 * control block — its message at ctrl + MSG, then `workerFault` — because the calling thread is blocked
 * in its synchronous call and cannot receive messages. workerLoop returns 2 when the test hook told the
 * worker to die holding a chunk: the thread then ends without a word, as a crashed one would.
 */
// @ts-nocheck — plain JS, copied to dist/ by tsc (allowJs in bindings/tsconfig.json).
const nodeWorker = globalThis.process?.getBuiltinModule?.('node:worker_threads');
const port = nodeWorker ? nodeWorker.parentPort : globalThis;
const MSG = 1024;

function end(code) {
  if (nodeWorker) globalThis.process.exit(code);
  else globalThis.close();
}

function writeMessage(memory, ctrl, text) {
  const u16 = new Uint16Array(memory.buffer, ctrl + MSG, 512);
  const n = Math.min(text.length, 511);
  for (let i = 0; i < n; i++) u16[i] = text.charCodeAt(i);
  u16[n] = 0;
}

async function start({ module, memory, ctrl, id }) {
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, {
      env: {
        memory,
        abort: (_msg, _file, line, col) => {
          throw new Error(`wasm-linalg: kernel aborted at ${line}:${col}`);
        },
        poolWait: () => {
          throw new Error('wasm-linalg: poolWait called in a worker');
        },
        poolNow: () => performance.now(),
      },
    });
  } catch (e) {
    port.postMessage({ failed: id, error: String(e) });
    return end(1);
  }
  port.postMessage({ ready: id });
  let rc = 0;
  try {
    rc = instance.exports.workerLoop(ctrl, id);
  } catch (e) {
    // The error's own text first (Firefox's `stack` holds only the frames), then where it came from.
    writeMessage(memory, ctrl, `${String(e)}\n${e?.stack ?? ''}`);
    instance.exports.workerFault(ctrl, id);
    return end(1);
  }
  end(rc === 2 ? 1 : 0);
}

if (nodeWorker) port.once('message', start);
else globalThis.onmessage = (ev) => start(ev.data);
export {};
