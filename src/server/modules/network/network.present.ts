import type { LocalisedName } from '../../../shared/languages.ts';
import type { Match } from './network.match.ts';
import type { networkExchanges, networkPairs, networkProfiles } from './network.schema.ts';
import type { SchoolRow } from './network.store.ts';

/** Explicit presenters: what each answer shows, nothing more (contacts only when the reader is staff). */

export interface Strengths {
  labs: number;
  coursesOffered: string[];
  trainedTeachers: number;
  libraryResources: number;
}

export function presentSchoolCard(
  school: SchoolRow,
  place: { jurisdiction: string; unitNames: unknown } | undefined,
  profile: typeof networkProfiles.$inferSelect | undefined,
  strengths: Strengths,
  activePairs: number,
) {
  return {
    id: school.id,
    code: school.code,
    names: school.names,
    jurisdiction: place?.jurisdiction ?? '',
    district: (place?.unitNames ?? null) as LocalisedName | null,
    stage: school.stage,
    languages: school.languages,
    summary: profile?.summary ?? '',
    interests: profile?.interests ?? [],
    seeks: profile?.seeks ?? [],
    strengths,
    activePairs,
  };
}

export function presentProfile(
  card: ReturnType<typeof presentSchoolCard>,
  profile: typeof networkProfiles.$inferSelect | undefined,
  opts: { showContacts: boolean; canEdit: boolean; canPropose: boolean },
) {
  return {
    ...card,
    // Never sent to students or anonymous readers: absent, not empty, so the UI can tell "hidden" from "none".
    contacts: opts.showContacts ? (profile?.contacts ?? []) : undefined,
    latitude: profile?.latitude ?? null,
    longitude: profile?.longitude ?? null,
    version: profile?.version ?? 0,
    canEdit: opts.canEdit,
    canPropose: opts.canPropose,
  };
}

export function presentMatch(m: Match, card: ReturnType<typeof presentSchoolCard>) {
  return { school: card, score: m.score, travel: m.travel, reasons: m.reasons };
}

type SchoolBrief = { id: string; code: string; names: LocalisedName; jurisdiction: string };

export function presentPair(
  p: typeof networkPairs.$inferSelect,
  a: SchoolBrief,
  b: SchoolBrief,
  me: { canDecide: boolean; canRecord: boolean; mySide: 'a' | 'b' | null },
) {
  return {
    id: p.id,
    status: p.status,
    schoolA: a,
    schoolB: b,
    message: p.message,
    agreement: { goals: p.goals, termStart: p.termStart, termEnd: p.termEnd, renewal: p.renewal },
    approvedByA: !!p.approvedByA,
    approvedByB: !!p.approvedByB,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    ...me,
  };
}

export function presentExchange(e: typeof networkExchanges.$inferSelect, photos: { id: string; filename: string }[], today: string) {
  return {
    id: e.id,
    pairId: e.pairId,
    kind: e.kind,
    title: e.title,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    // Planned until its last day has passed; a past activity is what the yearly summary counts.
    when: (e.endsOn ?? e.startsOn) < today ? ('past' as const) : ('planned' as const),
    teachers: e.teachers,
    students: e.students,
    participants: e.participants,
    reflection: e.reflection,
    photos,
  };
}
