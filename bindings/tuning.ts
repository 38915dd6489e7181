/**
 * `Backend.setTuning` / `getTuning` for both backends: the kernels' tuning table (block sizes,
 * crossovers, iteration caps; assembly/tuning.ts and its JS mirror bindings/js/tuning.ts) reached
 * through the three functions every kernel module has — the wasm exports and the JS kernels alike —
 * and the key table `TUNING_KEYS`. No list of keys or setters is kept here.
 */
import { TUNING_KEYS, type Tuning, type TuningKey } from './js/tuning.js';

export type { Tuning };

/** The tuning functions of a kernel module (the wasm exports, or the JS kernels). */
export interface TuningTable {
  tuningSet(key: number, value: number): void;
  tuningGet(key: number): number;
  tuningReset(): void;
}

const NAMES = Object.keys(TUNING_KEYS) as TuningKey[];

/**
 * Applies `t` to one kernel module: null restores every default; otherwise each key given is set
 * (normalised by the kernels: integer keys truncated, values < 1 restore the default, …) and the
 * keys not given keep their values. All of `t` is checked before anything is set: an unknown key or
 * a value that is not a number throws a TypeError, a non-finite value a RangeError.
 */
export function setTuningOn(table: TuningTable, t: Partial<Tuning> | null): void {
  if (t === null) {
    table.tuningReset();
    return;
  }
  if (typeof t !== 'object') throw new TypeError(`setTuning: expected an object or null, got ${typeof t}`);
  const set: [number, number][] = [];
  for (const [name, v] of Object.entries(t) as [string, unknown][]) {
    if (!Object.prototype.hasOwnProperty.call(TUNING_KEYS, name)) {
      throw new TypeError(`setTuning: unknown key '${name}' (known: ${NAMES.join(', ')})`);
    }
    if (v === undefined) continue;
    if (typeof v !== 'number') throw new TypeError(`setTuning: ${name} must be a number, got ${typeof v}`);
    if (!Number.isFinite(v)) throw new RangeError(`setTuning: ${name} must be finite, got ${v}`);
    set.push([TUNING_KEYS[name as TuningKey], v]);
  }
  for (const [key, v] of set) table.tuningSet(key, v);
}

/** Every value in force in one kernel module (defaults included). */
export function getTuningOf(table: TuningTable): Tuning {
  const out = {} as Tuning;
  for (const name of NAMES) out[name] = table.tuningGet(TUNING_KEYS[name]);
  return out;
}
