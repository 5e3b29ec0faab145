import type {
  trainingAssignments,
  trainingCompetencies,
  trainingCredentials,
  trainingFrameworks,
  trainingProgrammes,
  trainingSessions,
  trainingSubmissions,
} from './training.schema.ts';

/** Row → API shape (STYLE.md: a database row is never returned as is). */

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export function presentCompetency(c: Row<typeof trainingCompetencies>) {
  return { id: c.id, code: c.code, aspect: c.aspect, level: c.level, names: c.names };
}

export function presentFramework(f: Row<typeof trainingFrameworks>, comps: Row<typeof trainingCompetencies>[]) {
  return {
    id: f.id,
    code: f.code,
    names: f.names,
    aspects: f.aspects,
    jurisdictionId: f.jurisdictionId,
    competencies: [...comps].sort((a, b) => a.position - b.position).map(presentCompetency),
  };
}

export function presentProgramme(r: Row<typeof trainingProgrammes>, counts?: { enrolled: number; waitlisted: number }) {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    language: r.language,
    tier: r.tier,
    category: r.category,
    competencyIds: r.competencyIds,
    targetLevel: r.targetLevel,
    organiser: { kind: r.organiserKind, name: r.organiserName },
    jurisdictionId: r.jurisdictionId,
    schoolId: r.schoolId,
    visibility: r.visibility,
    status: r.status,
    creditHours: r.creditHours,
    capacity: r.capacity,
    requiresPrincipalApproval: r.requiresPrincipalApproval,
    rules: r.rules,
    enrolledCount: counts?.enrolled ?? 0,
    waitlistedCount: counts?.waitlisted ?? 0,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The online link is for the cohort and its organisers only; the catalogue shows the mode and time. */
export function presentSession(s: Row<typeof trainingSessions>, includeLink: boolean) {
  return {
    id: s.id,
    programmeId: s.programmeId,
    cohortId: s.cohortId,
    title: s.title,
    mode: s.mode,
    link: includeLink ? s.link : null,
    venue: s.venue,
    capacity: s.capacity,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    reminderMinutesBefore: s.reminderMinutesBefore,
  };
}

export function presentAssignment(a: Row<typeof trainingAssignments>) {
  return {
    id: a.id,
    programmeId: a.programmeId,
    title: a.title,
    instructions: a.instructions,
    kind: a.kind,
    rubric: a.rubric,
    passMark: a.passMark,
    maxPoints: a.rubric.reduce((s, c) => s + c.maxPoints, 0),
    dueAt: a.dueAt?.toISOString() ?? null,
  };
}

export function presentSubmission(s: Row<typeof trainingSubmissions>, who?: { displayName: string }) {
  return {
    id: s.id,
    assignmentId: s.assignmentId,
    programmeId: s.programmeId,
    userId: s.userId,
    displayName: who?.displayName,
    attempt: s.attempt,
    text: s.text,
    resourceId: s.resourceId,
    url: s.url,
    status: s.status,
    scores: s.scores,
    total: s.total,
    feedback: s.feedback,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    submittedAt: s.createdAt.toISOString(),
  };
}

export function presentCredentialSummary(c: Row<typeof trainingCredentials>, publicUrl: string) {
  return {
    id: c.id,
    programmeId: c.programmeId,
    issuedAt: c.issuedAt.toISOString(),
    revoked: c.revokedAt !== null,
    verifyUrl: `${publicUrl}/verify/${c.id}`,
  };
}
