import type { DictColumn } from './columnar-table.ts';
import { extendHierarchy, type Hierarchy } from './hierarchy.ts';
import type { QuasiSpec } from './quasi-spec.ts';
import { cellText, type CellValue } from './table-row.ts';

/**
 * A quasi-identifier column encoded for the anonymiser: every row holds a leaf ordinal. For ordered
 * columns the ordinals follow the sorted distinct values (ordinal 0 is "missing" when `hasMissing`);
 * for tree columns they are the hierarchy's depth-first leaf numbers.
 */
export type EncodedQuasi =
  | {
      spec: QuasiSpec & { kind: 'number' | 'date' };
      kind: 'ordered';
      codes: Int32Array;
      leafCount: number;
      numeric: Float64Array;
      hasMissing: boolean;
      integral: boolean;
    }
  | { spec: QuasiSpec & { kind: 'tree' }; kind: 'tree'; codes: Int32Array; leafCount: number; hierarchy: Hierarchy };

const DAY_MS = 86_400_000;

/**
 * Encodes one dictionary column by its quasi-identifier spec, touching each row once (dictionary entries
 * are mapped first, then the row codes are translated through a lookup array).
 */
export function encodeQuasi(column: DictColumn, spec: QuasiSpec): EncodedQuasi {
  if (spec.kind === 'tree') {
    const texts = column.values.map((v) => cellText(v).trim());
    const hierarchy = extendHierarchy(spec.hierarchy, texts);
    const lookup = Int32Array.from(texts, (t) => hierarchy.leafIndex.get(t)!);
    return { spec, kind: 'tree', codes: translate(column.codes, lookup), leafCount: hierarchy.leafCount, hierarchy };
  }
  const parsed = column.values.map((v) => (spec.kind === 'date' ? parseDay(v) : parseNumber(v)));
  const distinct = [...new Set(parsed.filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
  const hasMissing = parsed.some((x) => Number.isNaN(x));
  const offset = hasMissing ? 1 : 0;
  const rank = new Map(distinct.map((x, i) => [x, i + offset]));
  const lookup = Int32Array.from(parsed, (x) => (Number.isNaN(x) ? 0 : rank.get(x)!));
  const numeric = new Float64Array(distinct.length + offset);
  if (hasMissing) numeric[0] = Number.NaN;
  numeric.set(distinct, offset);
  return {
    spec,
    kind: 'ordered',
    codes: translate(column.codes, lookup),
    leafCount: numeric.length,
    numeric,
    hasMissing,
    integral: distinct.every(Number.isInteger),
  };
}

function translate(codes: Int32Array, lookup: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = lookup[codes[i]];
  return out;
}

/** Parses a number cell; empty or non-numeric text is missing (NaN). */
export function parseNumber(v: CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return Number.NaN;
  const t = v.trim();
  if (t === '') return Number.NaN;
  const x = Number(t);
  return Number.isFinite(x) ? x : Number.NaN;
}

/**
 * Parses a date cell to a UTC day number (days since 1970-01-01). Accepts Date values and the written
 * forms met in the three jurisdictions: 2012-03-04, 2012/3/4, 2012.3.4, 20120304, 2012年3月4日.
 * @example parseDay('2012年3月4日') // → 15403
 */
export function parseDay(v: CellValue): number {
  if (v instanceof Date) return Math.floor(v.getTime() / DAY_MS);
  if (typeof v !== 'string') return Number.NaN;
  const m = /^\s*(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))(?:[T\s].*)?$/.exec(v);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return t / DAY_MS;
}
