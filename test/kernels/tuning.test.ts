/**
 * The tuning table (assembly/tuning.ts, its JS mirror bindings/js/tuning.ts, the key names in bindings/core/tuning.ts, the backends'
 * setTuning / getTuning over them):
 *
 *   keys          assembly/tuning.ts's T_* numbers = the JS mirror's = TUNING_KEYS, 0 … T_COUNT − 1;
 *   engines       every key's default, its normalisation of a spread of values (negative, zero,
 *                 fractions, odd, huge, ±Inf, NaN) and tuningReset agree on the SIMD build, the scalar
 *                 build and the JS kernels, and follow the documented rules; one key set changes no
 *                 other; unknown keys are ignored (get: NaN);
 *   backends      setTuning / getTuning: all keys, partial updates, null = defaults, unknown key →
 *                 TypeError and non-finite → RangeError with nothing applied; every key reaches the
 *                 kernels' own table.
 *
 * That the crossovers are reachable through the public API: test/api/tuning/crossovers.test.ts.
 */
/// <reference types="vite/client" />
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import type { Tuning } from '../../bindings/index.js';
import { backendNamed } from '../../bindings/core/backend.js';
import type { WasmBackend } from '../../bindings/wasm/backend.js';
import * as jt from '../../bindings/js/tuning.js';
import { TUNING_KEYS, T_COUNT, type TuningKey } from '../../bindings/core/tuning.js';
import * as jsk from '../../bindings/js/index.js';
import { setupEngines, allEngines, withTuning, type Engine } from '../util/engines.js';

const source = import.meta.glob('../../assembly/tuning.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

beforeAll(async () => {
  await setupEngines();
});
afterEach(() => {
  for (const e of allEngines()) table(e).tuningReset();
});

const NAMES = Object.keys(TUNING_KEYS) as TuningKey[];

/** The documented defaults (assembly/tuning.ts). */
const DEFAULTS: Tuning = {
  gemmMC: 128, gemmKC: 256, gemmNC: 2048,
  trsmNB: 64, getrfNB: 64, potrfNB: 32, geqrfNB: 32, orgqrNB: 32, ormqrNB: 32, sytrdNB: 32, gebrdNB: 32,
  gehrdNB: 32, gehrdNX: 64, gesvdQrRatio: 1.75,
  steqrBatch: 32, steqrMaxIter: 0, sterfMaxIter: 0, bdsqrSweeps: 32, bdsqrMaxIter: 0, lasqMaxIter: 0, hqrMaxIter: 0,
  sytrfNB: 32,
  stebzMaxIter: 0, steinMaxIter: 0,
  syevDcMin: 64, stedcSmlsiz: 25, laed4MaxIter: 0,
  brdPanelMin: 16384,
};

/** The documented normalisation: a ratio > 0 is kept; integers truncated, capped at 2^30, MC/NC rounded up to 4; else the default. */
function normalised(name: TuningKey, v: number): number {
  if (name === 'gesvdQrRatio') return v > 0 ? v : DEFAULTS[name];
  if (!(v >= 1)) return DEFAULTS[name];
  const x = Math.trunc(Math.min(v, 2 ** 30));
  const step = name === 'gemmMC' || name === 'gemmNC' ? 4 : 1;
  return Math.ceil(x / step) * step;
}

const PROBES = [
  -1e300, -5, -1, -0, 0, 0.25, 0.999, 1, 1.5, 2, 3, 4.7, 5, 13, 64, 1000.9, 2 ** 30 - 1, 2 ** 30, 2 ** 30 + 3, 2 ** 31, 2 ** 32 + 3,
  1e300, Infinity, -Infinity, NaN,
];

function table(e: Engine): { tuningSet(k: number, v: number): void; tuningGet(k: number): number; tuningReset(): void } {
  return e.kind === 'wasm' ? e.exports : e.kernels;
}

function all(e: Engine): number[] {
  return Array.from({ length: T_COUNT }, (_, k) => table(e).tuningGet(k));
}

describe('tuning keys', () => {
  it("assembly/tuning.ts's T_* numbers equal the JS mirror's and TUNING_KEYS', 0 … T_COUNT − 1, each once", () => {
    const src = Object.values(source)[0];
    expect(src, 'assembly/tuning.ts found by import.meta.glob').toBeTypeOf('string');
    const asKeys = new Map<string, number>();
    for (const m of src!.matchAll(/@inline export const (T_\w+): i32 = (\d+);/g)) asKeys.set(m[1]!, Number(m[2]));
    const jsKeys = new Map(Object.entries(jt).filter(([k, v]) => /^T_/.test(k) && typeof v === 'number') as [string, number][]);
    expect(asKeys.size).toBe(T_COUNT + 1); // + T_COUNT itself
    expect([...asKeys].sort()).toEqual([...jsKeys].sort());
    const values = Object.values(TUNING_KEYS).sort((a, b) => a - b);
    expect(values).toEqual(Array.from({ length: T_COUNT }, (_, i) => i));
    expect(Object.keys(DEFAULTS).sort()).toEqual([...NAMES].sort());
  });
});

describe('the tuning table on every engine (SIMD build, scalar build, JS kernels)', () => {
  it('defaults: the documented values on every engine', () => {
    const want = Array.from({ length: T_COUNT }, (_, k) => DEFAULTS[NAMES.find((n) => TUNING_KEYS[n] === k)!]);
    for (const e of allEngines()) expect(all(e), e.name).toEqual(want);
  });

  it('normalisation: every key × every probe value gives the same documented value on every engine, and nothing else changes', () => {
    const defaults = all(allEngines()[0]!);
    for (const name of NAMES) {
      const key = TUNING_KEYS[name];
      for (const v of PROBES) {
        for (const e of allEngines()) {
          table(e).tuningSet(key, v);
          const got = all(e);
          const want = defaults.slice();
          want[key] = normalised(name, v);
          expect(got, `${e.name}: ${name} ← ${v}`).toEqual(want);
          // setting the same value again changes nothing (normalisation is idempotent)
          table(e).tuningSet(key, got[key]!);
          expect(table(e).tuningGet(key), `${e.name}: ${name} ← ${got[key]} again`).toBe(got[key]);
        }
        // leave the value set: the next probe overwrites it; a key left set must not leak into the next key
      }
      for (const e of allEngines()) table(e).tuningSet(key, 0);
      for (const e of allEngines()) expect(all(e), `${e.name}: ${name} back to its default with 0`).toEqual(defaults);
    }
  });

  it('tuningReset restores every default at once; unknown keys are ignored (get gives NaN); keys are i32', () => {
    const defaults = all(allEngines()[0]!);
    for (const e of allEngines()) {
      const t = table(e);
      for (const name of NAMES) t.tuningSet(TUNING_KEYS[name], 7);
      expect(all(e).every((v, k) => v === normalised(NAMES.find((n) => TUNING_KEYS[n] === k)!, 7)), e.name).toBe(true);
      const before = all(e);
      for (const k of [-1, T_COUNT, T_COUNT + 1, 1000, 2 ** 31 - 1]) {
        t.tuningSet(k, 5);
        expect(Number.isNaN(t.tuningGet(k)), `${e.name}: tuningGet(${k})`).toBe(true);
      }
      expect(all(e), `${e.name}: unknown keys set nothing`).toEqual(before);
      // a fractional key is truncated like an i32 argument
      t.tuningSet(1.9, 9);
      expect(t.tuningGet(1), `${e.name}: key 1.9 is key 1`).toBe(9);
      expect(t.tuningGet(1.2), `${e.name}: tuningGet(1.2)`).toBe(9);
      t.tuningReset();
      expect(all(e), `${e.name} after tuningReset`).toEqual(defaults);
    }
  });

  it('withTuning sets all engines alike and restores the previous values, nested', () => {
    const get = (e: Engine, ...names: TuningKey[]): number[] => names.map((n) => table(e).tuningGet(TUNING_KEYS[n]));
    withTuning({ gemmMC: 9, trsmNB: 3 }, () => {
      for (const e of allEngines()) expect(get(e, 'gemmMC', 'trsmNB'), e.name).toEqual([12, 3]);
      withTuning({ trsmNB: 5, hqrMaxIter: 2 }, () => {
        for (const e of allEngines()) expect(get(e, 'gemmMC', 'trsmNB', 'hqrMaxIter'), e.name).toEqual([12, 5, 2]);
      });
      for (const e of allEngines()) expect(get(e, 'gemmMC', 'trsmNB', 'hqrMaxIter'), e.name).toEqual([12, 3, 0]);
    });
    const defaults = all(allEngines()[0]!);
    for (const e of allEngines()) expect(all(e), e.name).toEqual(defaults);
  });
});

describe('Backend.setTuning / getTuning', () => {
  const backends = () => [backendNamed('wasm')!, backendNamed('js')!] as const;
  /** The kernel table behind a backend: the WASM backend's module exports, or the JS kernels. */
  const kernelsOf = (name: string) => (name === 'wasm' ? (backendNamed('wasm') as WasmBackend).exports : jsk);

  it('getTuning lists every key with its default; a partial setTuning changes only its keys; null restores the defaults', () => {
    for (const be of backends()) {
      expect(be.getTuning(), be.name).toEqual(DEFAULTS);
      be.setTuning({ gemmKC: 5, gesvdQrRatio: 2.5 });
      be.setTuning({ getrfNB: 3.9, gemmNC: 13 });
      expect(be.getTuning(), be.name).toEqual({ ...DEFAULTS, gemmKC: 5, gesvdQrRatio: 2.5, getrfNB: 3, gemmNC: 16 });
      be.setTuning({ gemmKC: 0, getrfNB: undefined });
      expect(be.getTuning(), `${be.name}: 0 restores one default, undefined leaves a key alone`).toEqual({
        ...DEFAULTS, gesvdQrRatio: 2.5, getrfNB: 3, gemmNC: 16,
      });
      be.setTuning(null);
      expect(be.getTuning(), be.name).toEqual(DEFAULTS);
    }
  });

  it('unknown key → TypeError, not a number → TypeError, non-finite → RangeError; nothing is applied', () => {
    for (const be of backends()) {
      const bad: [unknown, ErrorConstructor][] = [
        [{ gemmMC: 8, nb: 3 }, TypeError],
        [{ bogus: 1 }, TypeError],
        [{ gemmMC: 8, trsmNB: '3' }, TypeError],
        [{ gemmMC: 8, trsmNB: NaN }, RangeError],
        [{ gemmMC: 8, gesvdQrRatio: Infinity }, RangeError],
        [{ gemmMC: 8, hqrMaxIter: -Infinity }, RangeError],
        [42, TypeError],
      ];
      for (const [t, E] of bad) {
        expect(() => be.setTuning(t as Partial<Tuning>), `${be.name}: ${JSON.stringify(t)}`).toThrow(E);
        expect(be.getTuning(), `${be.name}: ${JSON.stringify(t)} applied nothing`).toEqual(DEFAULTS);
      }
    }
  });

  it("every key reaches the kernels' own table through setTuning, normalised as there", () => {
    for (const be of backends()) {
      const k = kernelsOf(be.name);
      for (const name of NAMES) {
        for (const v of [-3, 0.5, 3, 13.7, 2 ** 40]) {
          be.setTuning({ [name]: v });
          const want = normalised(name, v);
          expect(be.getTuning()[name], `${be.name}: ${name} ← ${v}`).toBe(want);
          expect(k.tuningGet(TUNING_KEYS[name]), `${be.name} kernels: ${name} ← ${v}`).toBe(want);
        }
        be.setTuning(null);
      }
    }
  });
});
