import canonicalize from 'canonicalize';
import { plainText } from '../library/library.sanitise.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { LessonBodies } from './courses.bodies.ts';
import type { courseLessons, LessonContent } from './courses.schema.ts';

type LessonRow = typeof courseLessons.$inferSelect;

/** The fields of a lesson a teacher writes, in a fixed order (for diffs and the fork's base). */
export const CONTENT_FIELDS = [
  'title',
  'objectives',
  'gradeBand',
  'grades',
  'durationMinutes',
  'materials',
  'assessment',
  'differentiation',
  'aiTools',
  'html',
] as const satisfies readonly (keyof LessonContent)[];

export async function lessonContent(db: DbOrTx, bodies: LessonBodies, l: LessonRow): Promise<LessonContent> {
  return contentOf(l, await bodies.read(db, l.id));
}

export function contentOf(l: LessonRow, html: string): LessonContent {
  return {
    title: l.title,
    objectives: l.objectives,
    gradeBand: l.gradeBand,
    grades: l.grades,
    durationMinutes: l.durationMinutes,
    materials: l.materials,
    assessment: l.assessment,
    differentiation: l.differentiation,
    aiTools: l.aiTools,
    html,
  };
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

/** Which fields differ between two versions of a lesson. Rich text is compared as text, so markup noise
 * from the editor (attribute order, empty paragraphs) does not count as a change. */
export function changedFields(a: LessonContent, b: LessonContent): (typeof CONTENT_FIELDS)[number][] {
  return CONTENT_FIELDS.filter((f) => (f === 'html' ? plainText(a.html) !== plainText(b.html) : !same(a[f], b[f])));
}

/** The lesson as plain text, one field a paragraph — what the fork diff shows a teacher. */
export function lessonAsText(c: LessonContent): string {
  const lines = [
    `# ${c.title}`,
    ...c.objectives.map((o) => `- ${o.text}${o.competencies.length ? ` [${o.competencies.join(', ')}]` : ''}`),
    c.durationMinutes ? `⏱ ${c.durationMinutes}` : '',
    c.aiTools.length ? `AI: ${c.aiTools.join(', ')}` : '',
    plainText(c.html),
    c.assessment ? `✔ ${c.assessment}` : '',
    c.differentiation ? `± ${c.differentiation}` : '',
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}

/** The row fields to write a lesson content back (everything but the rich text). */
export function contentColumns(c: LessonContent) {
  const { html: _html, ...columns } = c;
  return columns;
}
