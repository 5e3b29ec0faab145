import type { contestAppeals, contestAssignments, contestEntries, contestEvents, contestSubmissions, contests } from './contests.schema.ts';

/** Row → API shape (STYLE.md: presenters). Personal fields appear only in the presenters that may show them. */

type ContestRow = typeof contests.$inferSelect;
type EntryRow = typeof contestEntries.$inferSelect;
type SubmissionRow = typeof contestSubmissions.$inferSelect;

export function presentContest(c: ContestRow, extra: { canManage: boolean; isJudge: boolean; organiserName: string | null }) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    language: c.language,
    description: c.description,
    level: c.level,
    whitelisted: c.whitelisted,
    tracks: c.tracks,
    gradeBands: c.gradeBands,
    rules: c.rules,
    rubric: c.rubric,
    timeline: {
      registrationOpensAt: c.registrationOpensAt.toISOString(),
      registrationClosesAt: c.registrationClosesAt.toISOString(),
      submissionClosesAt: c.submissionClosesAt.toISOString(),
      judgingClosesAt: c.judgingClosesAt.toISOString(),
      resultsAt: c.resultsAt.toISOString(),
      appealsClosesAt: c.appealsClosesAt.toISOString(),
    },
    quotaPerUnit: c.quotaPerUnit,
    parentContestId: c.parentContestId,
    organiserUnitId: c.organiserUnitId,
    organiserSchoolId: c.organiserSchoolId,
    organiserName: extra.organiserName,
    status: c.status,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    canManage: extra.canManage,
    isJudge: extra.isJudge,
    version: c.version,
  };
}

export function presentSubmission(s: SubmissionRow) {
  return {
    id: s.id,
    version: s.version,
    files: s.files.map((f) => ({ sha256: f.sha256, filename: f.filename, size: f.size })),
    links: s.links,
    note: s.note,
    submittedAt: s.submittedAt.toISOString(),
  };
}

/** An entry for its members, their teachers and the organiser: names included. */
export function presentEntry(
  e: EntryRow,
  extra: {
    schoolName: string | null;
    members: { userId: string; displayName: string; role: 'student' | 'advisor'; schoolName: string | null }[];
    latest: SubmissionRow | null;
    showResult: boolean;
  },
) {
  return {
    id: e.id,
    contestId: e.contestId,
    code: e.code,
    title: e.title,
    track: e.track,
    kind: e.kind,
    status: e.status,
    schoolId: e.schoolId,
    schoolName: extra.schoolName,
    guardianConsent: e.guardianConsent,
    members: extra.members,
    sourceEntryId: e.sourceEntryId,
    latestSubmission: extra.latest ? presentSubmission(extra.latest) : null,
    score: extra.showResult ? e.score : null,
    rank: extra.showResult ? e.rank : null,
    award: extra.showResult ? e.award : null,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * What a judge sees of an assigned entry. In blind mode this is deliberately built from an allow-list with
 * no names at all: entry code, title, track, the submission — never students, advisors or schools.
 */
export function presentForJudge(
  a: typeof contestAssignments.$inferSelect,
  e: EntryRow,
  latest: SubmissionRow | null,
  identity: null | { schoolName: string | null; members: string[] },
) {
  return {
    assignmentId: a.id,
    entryCode: e.code,
    title: e.title,
    track: e.track,
    kind: e.kind,
    submission: latest ? presentSubmission(latest) : null,
    scores: a.scores,
    comment: a.comment,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    ...(identity ? { schoolName: identity.schoolName, members: identity.members } : {}),
  };
}

export function presentAppeal(a: typeof contestAppeals.$inferSelect, entryCode: string) {
  return {
    id: a.id,
    entryId: a.entryId,
    entryCode,
    reason: a.reason,
    status: a.status,
    outcome: a.outcome,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Public listing shape: no personal data (no names, no sign-up lists), seats only as numbers. */
export function presentEvent(
  ev: typeof contestEvents.$inferSelect,
  counts: { confirmed: number; waitlisted: number },
  organiserName: string | null,
) {
  return {
    id: ev.id,
    code: ev.code,
    kind: ev.kind,
    title: ev.title,
    description: ev.description,
    language: ev.language,
    location: ev.location,
    organiserName,
    startsAt: ev.startsAt.toISOString(),
    endsAt: ev.endsAt.toISOString(),
    capacity: ev.capacity,
    seatsTaken: counts.confirmed,
    waitlisted: counts.waitlisted,
    feedbackQuestions: ev.feedbackQuestions,
    status: ev.status,
  };
}
