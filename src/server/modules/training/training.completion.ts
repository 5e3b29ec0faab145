import type { CompletionRules } from '../../../shared/api/training.ts';

/** What a teacher has done in a programme, counted by the service. */
export interface CompletionProgress {
  /** Sessions already held (started before now). Sessions still to come do not count against anyone. */
  sessionsHeld: number;
  /** Of those, sessions the teacher was marked present at (QR or roll call). */
  sessionsAttended: number;
  /** Distinct ordinary assignments with a passing review (the reflection is counted apart). */
  assignmentsPassed: number;
  /** Whether a reflection assignment exists in the programme. */
  reflectionDefined: boolean;
  /** Whether the teacher's final reflection has a passing review. */
  reflectionPassed: boolean;
}

export type UnmetRule = 'attendance' | 'assignments' | 'reflection';

export interface CompletionDecision {
  complete: boolean;
  unmet: UnmetRule[];
  /** Attendance as a whole percent, rounded down, for display (the decision uses exact arithmetic). */
  attendancePercent: number;
}

/**
 * Decides whether a teacher has met a programme's completion rules (and so earns the certificate and the
 * credit hours). Attendance is compared exactly — attended × 100 ≥ min × held — so 2 of 3 sessions
 * (66.67 %) does not pass a 67 % rule and 4 of 5 passes an 80 % rule. A programme with no sessions held
 * yet meets an attendance rule only when that rule asks for 0 %: nothing has been attended, and a
 * certificate must not be issued before the programme ran. A reflection that is required but not defined
 * in the programme is unmet (the organiser must add it), never silently waived.
 *
 * @example decideCompletion({ minAttendancePercent: 80, minAssignmentsPassed: 1, requireReflection: false },
 *   { sessionsHeld: 5, sessionsAttended: 4, assignmentsPassed: 1, reflectionDefined: false, reflectionPassed: false })
 *   // → { complete: true, unmet: [], attendancePercent: 80 }
 */
export function decideCompletion(rules: CompletionRules, p: CompletionProgress): CompletionDecision {
  const unmet: UnmetRule[] = [];
  const attended = Math.min(p.sessionsAttended, p.sessionsHeld);
  const attendanceMet =
    rules.minAttendancePercent === 0 || (p.sessionsHeld > 0 && attended * 100 >= rules.minAttendancePercent * p.sessionsHeld);
  if (!attendanceMet) unmet.push('attendance');
  if (p.assignmentsPassed < rules.minAssignmentsPassed) unmet.push('assignments');
  if (rules.requireReflection && !(p.reflectionDefined && p.reflectionPassed)) unmet.push('reflection');
  const attendancePercent = p.sessionsHeld > 0 ? Math.floor((attended * 100) / p.sessionsHeld) : 0;
  return { complete: unmet.length === 0, unmet, attendancePercent };
}
