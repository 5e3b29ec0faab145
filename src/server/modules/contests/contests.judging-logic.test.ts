import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignJudges, hasConflict, type AssignEntry, type AssignJudge } from './contests.assignment.ts';
import { normalise, weightedTotal } from './contests.normalisation.ts';
import { rankEntries, selectForPromotion } from './contests.ranking.ts';

const ONE = [{ key: 'overall', label: 'Overall', weight: 1, max: 100 }];

describe('conflict-of-interest assignment', () => {
  const world = fc
    .record({
      schools: fc.integer({ min: 1, max: 6 }),
      units: fc.integer({ min: 1, max: 3 }),
      entries: fc.integer({ min: 0, max: 40 }),
      judges: fc.integer({ min: 1, max: 12 }),
      k: fc.integer({ min: 1, max: 4 }),
      excludeSameUnit: fc.boolean(),
      seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    })
    .map((w) => {
      const unitOf = (school: number) => `u${school % w.units}`;
      const entries: AssignEntry[] = Array.from({ length: w.entries }, (_, i) => {
        const s = w.seed[i % 60] % w.schools;
        return { id: `e${i}`, schoolId: `s${s}`, unitId: unitOf(s) };
      });
      const judges: AssignJudge[] = Array.from({ length: w.judges }, (_, i) => {
        const r = w.seed[(i * 7) % 60];
        // Some judges work at a school, some at a bureau unit only.
        if (r % 3 === 0) return { id: `j${i}`, schoolId: null, unitId: `u${r % w.units}` };
        const s = r % (w.schools + 2); // may be a school with no entries
        return { id: `j${i}`, schoolId: `s${s}`, unitId: unitOf(s) };
      });
      return { ...w, entriesList: entries, judgesList: judges };
    });

  it('never gives a judge an entry from their own school (or unit when asked), for every random fixture', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { pairs, shortfalls } = assignJudges(w.entriesList, w.judgesList, { k: w.k, excludeSameUnit: w.excludeSameUnit });
        const entry = new Map(w.entriesList.map((e) => [e.id, e]));
        const judge = new Map(w.judgesList.map((j) => [j.id, j]));
        for (const p of pairs) {
          const e = entry.get(p.entryId)!;
          const j = judge.get(p.judgeId)!;
          expect(j.schoolId === null || j.schoolId !== e.schoolId).toBe(true);
          if (w.excludeSameUnit) expect(j.unitId === null || j.unitId !== e.unitId).toBe(true);
          expect(hasConflict(e, j, w.excludeSameUnit)).toBe(false);
        }
        // No duplicate pair; each entry gets k judges or is reported short with exactly what it got.
        expect(new Set(pairs.map((p) => `${p.entryId}/${p.judgeId}`)).size).toBe(pairs.length);
        for (const e of w.entriesList) {
          const got = pairs.filter((p) => p.entryId === e.id).length;
          const eligible = w.judgesList.filter((j) => !hasConflict(e, j, w.excludeSameUnit)).length;
          expect(got).toBe(Math.min(w.k, eligible));
          expect(shortfalls.some((s) => s.entryId === e.id)).toBe(got < w.k);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('balances load when every judge is eligible for every entry', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, schoolId: 's1', unitId: 'u1' }));
    const judges = Array.from({ length: 7 }, (_, i) => ({ id: `j${i}`, schoolId: 'other', unitId: 'u2' }));
    const { pairs } = assignJudges(entries, judges, { k: 3, excludeSameUnit: true });
    const loads = judges.map((j) => pairs.filter((p) => p.judgeId === j.id).length);
    expect(pairs).toHaveLength(90);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('tops up existing assignments instead of duplicating them', () => {
    const entries = [{ id: 'e1', schoolId: 's1', unitId: 'u1' }];
    const judges = [
      { id: 'j1', schoolId: null, unitId: null },
      { id: 'j2', schoolId: null, unitId: null },
    ];
    const { pairs } = assignJudges(entries, judges, { k: 2, excludeSameUnit: false, existing: [{ entryId: 'e1', judgeId: 'j1' }] });
    expect(pairs).toEqual([{ entryId: 'e1', judgeId: 'j2' }]);
  });
});

describe('normalisation and ranking', () => {
  it('weights criteria by weight and maximum', () => {
    const rubric = [
      { key: 'a', label: 'A', weight: 3, max: 10 },
      { key: 'b', label: 'B', weight: 1, max: 5 },
    ];
    expect(weightedTotal(rubric, { a: 8, b: 5 })).toBeCloseTo(85, 10);
  });

  it('equals the hand-computed z-score fixture, and reorders what raw means would rank', () => {
    // J1: 80, 70, 60 → mean 70, sd √(200/3) = 8.16497 → z 1.224745, 0, −1.224745
    // J2 (harsh on E1): E1 60, E2 95 → mean 77.5, sd 17.5 → z −1, 1
    // J3: E2 50, E3 70 → mean 60, sd 10 → z −1, 1
    const scores = [
      { judgeId: 'J1', entryId: 'E1', scores: { overall: 80 } },
      { judgeId: 'J1', entryId: 'E2', scores: { overall: 70 } },
      { judgeId: 'J1', entryId: 'E3', scores: { overall: 60 } },
      { judgeId: 'J2', entryId: 'E1', scores: { overall: 60 } },
      { judgeId: 'J2', entryId: 'E2', scores: { overall: 95 } },
      { judgeId: 'J3', entryId: 'E2', scores: { overall: 50 } },
      { judgeId: 'J3', entryId: 'E3', scores: { overall: 70 } },
    ];
    const out = new Map(normalise(ONE, scores).map((e) => [e.entryId, e]));
    expect(out.get('E1')!.normalised).toBeCloseTo((1.224745 - 1) / 2, 5); // 0.112372
    expect(out.get('E2')!.normalised).toBeCloseTo(0, 10); // (0 + 1 − 1) / 3
    expect(out.get('E3')!.normalised).toBeCloseTo((-1.224745 + 1) / 2, 5); // −0.112372
    expect(out.get('E1')!.raw).toBeCloseTo(70, 10);
    expect(out.get('E2')!.raw).toBeCloseTo(215 / 3, 10); // raw means would put E2 first
    const ranked = rankEntries([...out.values()].map((e) => ({ ...e, code: e.entryId, lastSubmittedAt: null })));
    expect(ranked.map((r) => r.entryId)).toEqual(['E1', 'E2', 'E3']);
    expect(ranked[0].award).toBe('first');
  });

  it('gives a judge who scored everyone alike no say (z = 0)', () => {
    const out = normalise(ONE, [
      { judgeId: 'J', entryId: 'A', scores: { overall: 75 } },
      { judgeId: 'J', entryId: 'B', scores: { overall: 75 } },
    ]);
    expect(out.map((e) => e.normalised)).toEqual([0, 0]);
  });

  it('breaks ties by raw mean, then number of judges, then earlier submission, then code', () => {
    const base = { normalised: 0.5, raw: 80, judges: 3, lastSubmittedAt: new Date('2026-11-01T00:00:00Z') };
    const ranked = rankEntries([
      { ...base, entryId: 'late', code: 'A-1', lastSubmittedAt: new Date('2026-11-02T00:00:00Z') },
      { ...base, entryId: 'codeB', code: 'B-2' },
      { ...base, entryId: 'codeA', code: 'A-2' },
      { ...base, entryId: 'fewer', code: 'A-0', judges: 2 },
      { ...base, entryId: 'rawHigh', code: 'Z-9', raw: 81 },
    ]);
    expect(ranked.map((r) => r.entryId)).toEqual(['rawHigh', 'codeA', 'codeB', 'late', 'fewer']);
  });

  it('promotes at most the quota per lower-level unit, best first', () => {
    const ranked = [
      { entryId: 'a1', rank: 1, unitId: 'A' },
      { entryId: 'a2', rank: 2, unitId: 'A' },
      { entryId: 'a3', rank: 3, unitId: 'A' },
      { entryId: 'b1', rank: 4, unitId: 'B' },
      { entryId: 'b2', rank: 5, unitId: 'B' },
      { entryId: 'b3', rank: 6, unitId: 'B' },
    ];
    expect(selectForPromotion(ranked, 2)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(selectForPromotion(ranked, 0)).toEqual([]);
  });
});
