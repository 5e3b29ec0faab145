/**
 * Scoring of predicted spans against the gold corpus: per-type precision/recall/F1 (strict: same type
 * and exact boundaries; overlap: same type and any overlap), type-agnostic overlap F1 (for tools with a
 * different taxonomy) and the leak rate — the share of gold personal characters that no predicted span
 * (of any type) covers, i.e. what would leave the node if the prediction were redacted.
 */
import type { CorpusDoc, GoldEntity } from './generate-corpus.ts';

export interface Span {
  type: string;
  start: number;
  end: number;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export interface Evaluation {
  strict: { micro: Prf; byType: Record<string, Prf> };
  overlap: { micro: Prf; byType: Record<string, Prf> };
  anyType: Prf;
  leakRate: number;
  goldChars: number;
  leakedChars: number;
}

export function evaluate(docs: readonly CorpusDoc[], predictions: readonly (readonly Span[])[]): Evaluation {
  const strict = new Map<string, [number, number, number]>();
  const overlap = new Map<string, [number, number, number]>();
  const bump = (m: Map<string, [number, number, number]>, type: string, i: 0 | 1 | 2) => {
    const v = m.get(type) ?? [0, 0, 0];
    v[i]++;
    m.set(type, v);
  };
  let anyTp = 0;
  let anyFp = 0;
  let anyFn = 0;
  let goldChars = 0;
  let leaked = 0;
  docs.forEach((doc, k) => {
    const pred = predictions[k];
    const gold: GoldEntity[] = doc.entities;
    for (const g of gold) {
      const exact = pred.some((p) => p.type === g.type && p.start === g.start && p.end === g.end);
      bump(strict, g.type, exact ? 0 : 2);
      bump(overlap, g.type, pred.some((p) => p.type === g.type && overlaps(p, g)) ? 0 : 2);
      if (pred.some((p) => overlaps(p, g))) anyTp++;
      else anyFn++;
      for (let c = g.start; c < g.end; c++) {
        if (/\s/.test(doc.text[c])) continue;
        goldChars++;
        if (!pred.some((p) => p.start <= c && c < p.end)) leaked++;
      }
    }
    for (const p of pred) {
      if (!gold.some((g) => g.type === p.type && g.start === p.start && g.end === p.end)) bump(strict, p.type, 1);
      if (!gold.some((g) => g.type === p.type && overlaps(p, g))) bump(overlap, p.type, 1);
      if (!gold.some((g) => overlaps(p, g))) anyFp++;
    }
  });
  const summarise = (m: Map<string, [number, number, number]>) => {
    const byType: Record<string, Prf> = {};
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [type, [a, b, c]] of [...m].sort()) {
      byType[type] = prf(a, b, c);
      tp += a;
      fp += b;
      fn += c;
    }
    return { micro: prf(tp, fp, fn), byType };
  };
  return {
    strict: summarise(strict),
    overlap: summarise(overlap),
    anyType: prf(anyTp, anyFp, anyFn),
    leakRate: goldChars === 0 ? 0 : Math.round((leaked / goldChars) * 100000) / 100000,
    goldChars,
    leakedChars: leaked,
  };
}
