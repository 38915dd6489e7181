/**
 * Lifetime: dispose() frees linear memory at once and is idempotent; every use after dispose throws
 * a ReferenceError (as a method receiver and as an operand); `using` frees at the end of its scope,
 * also when the scope throws; [Symbol.dispose] is dispose (under Symbol.for('Symbol.dispose') where the
 * engine lacks the symbol, as JavaScriptCore does). The FinalizationRegistry backstop frees
 * what was never disposed — checked where the engine exposes gc() (Node with --expose-gc, Chromium
 * with --js-flags=--expose-gc, both set in vitest.config.ts), skipped otherwise.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix, add, matmul, transpose, norm, memoryStats, setBackend, LUFactorization, CholeskyFactorization } from '../../../bindings/index.js';
import { DISPOSE_KEY } from '../../util/engines.js';
import { setupApi, BACKENDS } from '../../util/api.js';
import { expectError } from '../../util/errors.js';

beforeAll(setupApi);

describe('the dispose key', () => {
  it('[Symbol.dispose] exists on every disposable class whether or not the engine has Symbol.dispose; no method is named "undefined"', () => {
    for (const proto of [Matrix.prototype, LUFactorization.prototype, CholeskyFactorization.prototype]) {
      expect(Object.getOwnPropertyNames(proto)).not.toContain('undefined');
      // The dispose key, and at most Node's inspect hook (Matrix prints itself in console.log).
      const symbols = Object.getOwnPropertySymbols(proto);
      expect(symbols).toContain(DISPOSE_KEY);
      expect(symbols.filter((s) => s !== DISPOSE_KEY && s !== Symbol.for('nodejs.util.inspect.custom'))).toEqual([]);
      expect(typeof proto[DISPOSE_KEY]).toBe('function');
    }
  });
});

describe.each(BACKENDS)('dispose on the %s backend', (b) => {
  beforeAll(() => setBackend(b));

  it('frees linear memory once (wasm) and marks the matrix dead; a second dispose is a no-op', () => {
    const base = memoryStats();
    const A = Matrix.zeros(10, 10);
    expect(memoryStats().blocksInUse).toBe(base.blocksInUse + (b === 'wasm' ? 1 : 0));
    expect(A.disposed).toBe(false);
    A.dispose();
    expect(A.disposed).toBe(true);
    expect(memoryStats()).toMatchObject({ blocksInUse: base.blocksInUse, bytesInUse: base.bytesInUse });
    A.dispose();
    A[DISPOSE_KEY]();
    expect(memoryStats()).toMatchObject({ blocksInUse: base.blocksInUse, bytesInUse: base.bytesInUse });
  });

  it('use after dispose throws ReferenceError everywhere', () => {
    const A = Matrix.ones(2, 2);
    using B = Matrix.ones(2, 2);
    A.dispose();
    const uses: [string, () => unknown][] = [
      ['get', () => A.get(0, 0)],
      ['set', () => A.set(0, 0, 1)],
      ['toArray', () => A.toArray()],
      ['toFloat64Array', () => A.toFloat64Array()],
      ['row', () => A.row(0)],
      ['column', () => A.column(0)],
      ['backend', () => A.backend],
      ['method matmul', () => A.matmul(B)],
      ['operand matmul', () => matmul(B, A)],
      ['operand add', () => add(B, A)],
      ['transpose', () => transpose(A)],
      ['norm', () => norm(A)],
      ['clone', () => A.clone()],
    ];
    for (const [name, f] of uses) expect(f, name).toThrow(ReferenceError);
    expect(f0(() => A.get(0, 0))).toMatch(/dispose/);
    // Shape is still readable (plain fields), and B is unaffected.
    expect(A.shape).toEqual([2, 2]);
    expect(B.toArray()).toEqual([[1, 1], [1, 1]]);
  });

  it('`using` frees at the end of the scope, also when the scope throws', () => {
    const base = memoryStats().blocksInUse;
    let escaped: Matrix | null = null;
    {
      using A = Matrix.random(5, 5, { seed: 1 });
      escaped = A;
      expect(A.disposed).toBe(false);
    }
    expect(escaped.disposed).toBe(true);
    expectError(Error, 'a scope that throws', () => {
      using C = Matrix.zeros(3, 3);
      escaped = C;
      throw new Error('boom');
    }, /boom/);
    expect(escaped.disposed).toBe(true);
    expect(memoryStats().blocksInUse).toBe(base);
  });
});

function f0(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

type GcFn = () => void;
const gc: GcFn | undefined = (globalThis as { gc?: GcFn }).gc;

describe('FinalizationRegistry backstop', () => {
  it.skipIf(gc === undefined)('frees a wasm matrix that was never disposed once it is collected', async () => {
    setBackend('wasm');
    const base = memoryStats().blocksInUse;
    (() => {
      for (let i = 0; i < 20; i++) Matrix.zeros(64, 64); // dropped without dispose
    })();
    expect(memoryStats().blocksInUse).toBe(base + 20);
    // Finalizers run in a later task after a collection: collect and yield until they have run.
    for (let i = 0; i < 50 && memoryStats().blocksInUse > base; i++) {
      gc!();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(memoryStats().blocksInUse).toBe(base);
  });

  it.skipIf(gc === undefined)('does not double-free a disposed matrix when it is collected', async () => {
    setBackend('wasm');
    const base = memoryStats().blocksInUse;
    (() => {
      for (let i = 0; i < 10; i++) Matrix.zeros(9, 9).dispose();
    })();
    // A survivor allocated afterwards may reuse a freed block: a late double free would free it.
    using keep = Matrix.ones(9, 9);
    for (let i = 0; i < 5; i++) {
      gc!();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(memoryStats().blocksInUse).toBe(base + 1);
    expect(keep.get(7, 7)).toBe(1);
  });
});
