import { and, eq, inArray } from 'drizzle-orm';
import type { GradeBand } from '../../../shared/library.ts';
import { gradeBandOf, type Grade } from '../../../shared/library.ts';
import { convertForDisplay } from '../../../lib/text/convert-for-display.ts';
import { detectScript } from '../../../lib/text/detect-script.ts';
import type { DbOrTx } from '../../db/client.ts';
import { classEnrollments } from '../identity/identity.schema.ts';
import { classes } from '../tenancy/tenancy.schema.ts';
import { assistantAssessedTopics } from './assistant.schema.ts';

/**
 * The student tutor's rules: Socratic (questions and hints, never finished answers), age-appropriate per
 * grade band, and silent on work a teacher marked as assessed.
 */
const TUTOR_SYSTEM: Record<GradeBand, string> = {
  primary:
    'You are a kind tutor for a primary-school child (ages 6-12). Use short sentences and everyday examples. Never give the final answer: ask one guiding question at a time and praise effort. Keep placeholders such as <PERSON_1> exactly as they are. Never ask for personal information.',
  junior:
    'You are a Socratic tutor for a junior-secondary student (ages 12-15). Do not hand over answers or finished work; ask guiding questions, give hints, and check understanding step by step. Keep placeholders such as <PERSON_1> exactly as they are. Never ask for personal information.',
  senior:
    'You are a Socratic tutor for a senior-secondary student (ages 15-18). Help them reason: ask probing questions, point to concepts and sources, and let them reach conclusions themselves. Do not write their assignments. Keep placeholders such as <PERSON_1> exactly as they are. Never ask for personal information.',
};

export function tutorSystemPrompt(band: GradeBand): string {
  return TUTOR_SYSTEM[band];
}

/** The student's classes: for the grade band and the assessed topics. */
export async function studentClasses(db: DbOrTx, userId: string) {
  return db
    .select({ id: classes.id, grade: classes.grade, schoolId: classes.schoolId })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(and(eq(classEnrollments.userId, userId), eq(classEnrollments.role, 'student')));
}

export function bandOfClasses(rows: { grade: number }[], fallback: GradeBand = 'junior'): GradeBand {
  const grade = rows.map((r) => r.grade).sort((a, b) => b - a)[0];
  return grade ? gradeBandOf(grade as Grade) : fallback;
}

const fold = (s: string) => convertForDisplay(s.normalize('NFKC').toLowerCase(), detectScript(s), 'zh-Hans').text;

/** The assessed topic a message touches, if any (either script, either region's words). */
export async function assessedTopicIn(db: DbOrTx, classIds: string[], message: string): Promise<string | null> {
  if (!classIds.length) return null;
  const topics = await db
    .select({ topic: assistantAssessedTopics.topic })
    .from(assistantAssessedTopics)
    .where(inArray(assistantAssessedTopics.classId, classIds));
  const folded = fold(message);
  return topics.find((t) => folded.includes(fold(t.topic)))?.topic ?? null;
}
