/**
 * The de-overlap rule, applied after every recogniser has spoken:
 * 1. drop spans under the threshold;
 * 2. spans of the SAME type that overlap or touch are united (max score), so an address found in two
 *    pieces comes out whole;
 * 3. a PERSON inside an ADDRESS is part of the address (孫逸仙大馬路, 中山路, Chan Shu Kui Road) and dropped;
 * 4. across types, the higher score wins; on equal scores the longer span, then the earlier start;
 *    a losing span is dropped whole (never trimmed, so no half-identifier survives as its own entity).
 * Output is sorted by start.
 */
import type { Entity } from './entity.ts';

/** @example mergeEntities([{type:'PHONE',start:0,end:8,score:0.6,detector:'a'}], 0.5) */
export function mergeEntities(candidates: readonly Entity[], threshold: number): Entity[] {
  const kept = candidates.filter((e) => e.score >= threshold && e.end > e.start);
  // Most documents give no or one span: nothing to unite or de-overlap (same result as the full rule).
  if (kept.length === 0) return [];
  if (kept.length === 1) return [{ ...kept[0] }];
  const byType = new Map<string, Entity[]>();
  for (const e of kept) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  const united: Entity[] = [];
  for (const list of byType.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: Entity | undefined;
    for (const e of list) {
      if (current && e.start <= current.end) {
        if (e.end > current.end) current.end = e.end;
        if (e.score > current.score) {
          current.score = e.score;
          current.detector = e.detector;
        }
      } else {
        if (current) united.push(current);
        current = { ...e };
      }
    }
    if (current) united.push(current);
  }
  const addresses = byType.has('ADDRESS') ? united.filter((e) => e.type === 'ADDRESS') : [];
  if (addresses.length > 0) {
    for (let i = united.length - 1; i >= 0; i--) {
      const e = united[i];
      if (e.type === 'PERSON' && addresses.some((a) => a.start <= e.start && e.end <= a.end)) united.splice(i, 1);
    }
  }
  united.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Entity[] = [];
  for (const e of united) {
    if (!overlapsAny(accepted, e)) insertSorted(accepted, e);
  }
  return accepted;
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
