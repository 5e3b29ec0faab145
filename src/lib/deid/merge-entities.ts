/**
 * The de-overlap rule, applied after every recogniser has spoken:
 * 1. drop spans under the threshold;
 * 2. spans of the SAME type that overlap or touch are united (max score), so an address found in two
 *    pieces comes out whole;
 * 3. a PERSON inside an ADDRESS is part of the address (孫逸仙大馬路, 中山路, Chan Shu Kui Road) and dropped;
 * 4. across types, the higher score wins; on equal scores the longer span, then the earlier start;
 *    a losing span is dropped whole (never trimmed, so no half-identifier survives as its own entity).
 * Output is sorted by start.
 *
 * Speed: one numeric sort of the kept spans (by start, longer first) serves every type at once; the
 * spans of one type are united while walking it, with one open span per type. Ties in step 4 are broken
 * by the order in which the types first appear in the input, as when the types were united one after another.
 */
import type { Entity } from './entity.ts';

interface United extends Entity {
  /** Order of first appearance of the type in the input (the tie-breaker of step 4). */
  rank: number;
}

function byStartLongerFirst(a: Entity, b: Entity): number {
  return a.start - b.start || b.end - a.end;
}

function byStrength(a: United, b: United): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start || a.rank - b.rank;
}

/** @example mergeEntities([{type:'PHONE',start:0,end:8,score:0.6,detector:'a'}], 0.5) */
export function mergeEntities(candidates: readonly Entity[], threshold: number): Entity[] {
  const kept: Entity[] = [];
  for (const e of candidates) if (e.score >= threshold && e.end > e.start) kept.push(e);
  // Most documents give no or one span: nothing to unite or de-overlap (same result as the full rule).
  if (kept.length === 0) return [];
  if (kept.length === 1) return [{ ...kept[0] }];
  const ranks: string[] = [];
  for (const e of kept) if (!ranks.includes(e.type)) ranks.push(e.type);
  // A stable sort: spans with the same start and end keep their input order, as in a per-type sort.
  sortSmall(kept, byStartLongerFirst);
  const open: (United | undefined)[] = new Array<United | undefined>(ranks.length);
  const united: United[] = [];
  let hasAddress = false;
  for (const e of kept) {
    const rank = ranks.indexOf(e.type);
    const current = open[rank];
    if (current && e.start <= current.end) {
      if (e.end > current.end) current.end = e.end;
      if (e.score > current.score) {
        current.score = e.score;
        current.detector = e.detector;
      }
    } else {
      if (current) united.push(current);
      open[rank] = { type: e.type, start: e.start, end: e.end, score: e.score, detector: e.detector, rank };
      if (e.type === 'ADDRESS') hasAddress = true;
    }
  }
  for (const current of open) if (current) united.push(current);
  let candidatesLeft: United[] = united;
  if (hasAddress) {
    const addresses = united.filter((e) => e.type === 'ADDRESS');
    candidatesLeft = united.filter((e) => !(e.type === 'PERSON' && addresses.some((a) => a.start <= e.start && e.end <= a.end)));
  }
  sortSmall(candidatesLeft, byStrength);
  const accepted: Entity[] = [];
  for (const e of candidatesLeft) {
    if (!overlapsAny(accepted, e)) {
      insertSorted(accepted, { type: e.type, start: e.start, end: e.end, score: e.score, detector: e.detector });
    }
  }
  return accepted;
}

/** Above this length the built-in sort is used. */
const SMALL = 24;

/**
 * A stable sort in place, like `Array.prototype.sort`, by insertion for the short arrays of one document:
 * the built-in sort allocates a work array on every call, and a document gives a handful of spans.
 */
function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): void {
  if (items.length > SMALL) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && compare(items[j], item) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
}

function lowerBound(sorted: Entity[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsAny(sorted: Entity[], e: Entity): boolean {
  const i = lowerBound(sorted, e.start);
  if (i < sorted.length && sorted[i].start < e.end) return true;
  return i > 0 && sorted[i - 1].end > e.start;
}

function insertSorted(sorted: Entity[], e: Entity): void {
  sorted.splice(lowerBound(sorted, e.start), 0, e);
}
