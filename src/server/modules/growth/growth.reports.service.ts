import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { renderTermReport, type Script } from './growth.report-pdf.ts';
import { recordDetail } from './growth.views.service.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * Stage "use" (报告): the term report of one record as a PDF, for whoever may read the record. Until the
 * archive is signed the report says it is a draft. It is written in the student's language and script:
 * the student's UI language, else the school's first language.
 */
export async function termReportPdf(ctx: { db: DbOrTx; actor: Actor }, recordId: string) {
  const detail = await recordDetail(ctx, recordId);
  const [student] = await ctx.db
    .select({ locale: users.locale, studentNumber: users.studentNumber, schoolId: users.schoolId })
    .from(users)
    .where(eq(users.id, detail.record.student.id));
  const [school] = await ctx.db
    .select({ names: schools.names, languages: schools.languages })
    .from(schools)
    .where(eq(schools.id, detail.term.schoolId));
  const language: UiLanguage = student.locale;
  const script: Script = language === 'zh-Hant' || (language === 'en' && school.languages[0]?.startsWith('zh-Hant')) ? 'hant' : 'hans';
  const handedIn = detail.record.stage !== 'recording';
  const counted = detail.evidence.filter((e) => !e.withdrawn && e.reviewStatus === 'approved' && (!handedIn || e.selected));
  const pdf = await renderTermReport({
    language,
    script,
    studentName: detail.record.student.displayName,
    studentNumber: student.studentNumber,
    schoolName: school.names[language],
    className: detail.record.className,
    termName: detail.term.names[language],
    archived: detail.record.stage === 'archived',
    studentConfirmedAt: detail.record.studentConfirmedAt ? new Date(detail.record.studentConfirmedAt) : null,
    classTeacher: detail.record.classTeacherSignedAt
      ? { name: detail.record.classTeacherSignedBy?.displayName ?? '', at: new Date(detail.record.classTeacherSignedAt) }
      : null,
    principal: detail.record.principalSignedAt
      ? { name: detail.record.principalSignedBy?.displayName ?? '', at: new Date(detail.record.principalSignedAt) }
      : null,
    dimensions: detail.framework.dimensions.map((d) => {
      const entries = counted.filter((e) => e.dimensionKey === d.key);
      return {
        name: d.names[language],
        count: entries.length,
        entries: entries.map((e) => ({ title: e.title, description: e.description, occurredOn: e.occurredOn })),
      };
    }),
    generatedAt: new Date(),
  });
  const filename = `growth-report-${detail.term.code}-${detail.record.student.id.slice(0, 8)}.pdf`;
  return { pdf, filename };
}
