import { describe, expect, it } from 'vitest';
import { decideCompletion, type CompletionProgress } from './training.completion.ts';

const rules = { minAttendancePercent: 80, minAssignmentsPassed: 1, requireReflection: true };
const done: CompletionProgress = {
  sessionsHeld: 5,
  sessionsAttended: 5,
  assignmentsPassed: 1,
  reflectionDefined: true,
  reflectionPassed: true,
};

describe('completion rules decide certification', () => {
  it('a teacher who meets every rule completes', () => {
    expect(decideCompletion(rules, done)).toEqual({ complete: true, unmet: [], attendancePercent: 100 });
  });

  it('attendance exactly at the threshold passes (4 of 5 at 80 %)', () => {
    expect(decideCompletion(rules, { ...done, sessionsAttended: 4 }).complete).toBe(true);
  });

  it('one session short of the threshold fails (3 of 5 at 80 %)', () => {
    expect(decideCompletion(rules, { ...done, sessionsAttended: 3 })).toMatchObject({
      complete: false,
      unmet: ['attendance'],
      attendancePercent: 60,
    });
  });

  it('attendance is compared exactly, not after rounding: 2 of 3 (66.67 %) fails a 67 % rule and passes a 66 % rule', () => {
    const p = { ...done, sessionsHeld: 3, sessionsAttended: 2 };
    expect(decideCompletion({ ...rules, minAttendancePercent: 67 }, p).unmet).toEqual(['attendance']);
    expect(decideCompletion({ ...rules, minAttendancePercent: 66 }, p).complete).toBe(true);
  });

  it('no session held yet: an attendance rule above 0 % is not met, a 0 % rule is', () => {
    const p = { ...done, sessionsHeld: 0, sessionsAttended: 0 };
    expect(decideCompletion(rules, p).unmet).toEqual(['attendance']);
    expect(decideCompletion({ ...rules, minAttendancePercent: 0 }, p).complete).toBe(true);
  });

  it('attendance records beyond the sessions held never lift the share above 100 %', () => {
    expect(decideCompletion(rules, { ...done, sessionsHeld: 2, sessionsAttended: 7 }).attendancePercent).toBe(100);
  });

  it('too few passed assignments fail; the reflection does not count as an assignment', () => {
    expect(decideCompletion({ ...rules, minAssignmentsPassed: 2 }, done).unmet).toEqual(['assignments']);
  });

  it('a required reflection that the programme never defined is unmet, not waived', () => {
    expect(decideCompletion(rules, { ...done, reflectionDefined: false, reflectionPassed: false }).unmet).toEqual(['reflection']);
  });

  it('a reflection handed in but not passed is unmet; without the rule it does not matter', () => {
    expect(decideCompletion(rules, { ...done, reflectionPassed: false }).unmet).toEqual(['reflection']);
    expect(decideCompletion({ ...rules, requireReflection: false }, { ...done, reflectionPassed: false }).complete).toBe(true);
  });

  it('every unmet rule is reported at once', () => {
    const p = { sessionsHeld: 4, sessionsAttended: 1, assignmentsPassed: 0, reflectionDefined: true, reflectionPassed: false };
    expect(decideCompletion(rules, p).unmet).toEqual(['attendance', 'assignments', 'reflection']);
  });
});
