import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { courseLessons, courses, courseUnits } from '../courses/courses.schema.ts';
import { contests } from '../contests/contests.schema.ts';
import { insightsValues } from '../insights/insights.schema.ts';
import { SMALL_CELL } from '../insights/insights.policy.ts';
import { indicatorValue } from '../insights/insights.recompute.ts';
import { definitionsFor } from '../insights/insights.scope.ts';
import { resourceFiles, resources } from '../library/library.schema.ts';
import { plainText } from '../library/library.sanitise.ts';
import { getBlob } from '../privacy/privacy.blobs.ts';
import { privacyAgreements, privacyDatasets, privacyReleases } from '../privacy/privacy.schema.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { trainingProgrammes } from '../training/training.schema.ts';
import type { PublishLevel } from '../../../shared/library.ts';
import type { FeedFile, FeedKind, LiveItem } from './federation.wire.ts';

const MAX_TEXT = 20_000;
/** De-identified datasets up to this size travel inline (CSV, JSON Lines); larger ones as metadata only. */
const MAX_INLINE_DATASET = 1_000_000;

/** What the peer may see: publish levels by relation, the jurisdictions this node serves, the peer's own. */
export interface Audience {
  levels: PublishLevel[];
  served: Map<string, string>;
  peerJurisdictions: string[];
}

/** A position in one kind's change order: the change time (microseconds, as text) and a tie-breaking key. */
export interface KindCursor {
  at: string;
  key: string;
}

/** One changed row of a source: `build` returns the item to send, or null when the peer may no longer see it. */
export interface Change {
  kind: FeedKind;
  id: string;
  at: string;
  key: string;
  jurisdictionId: string;
  build: () => Promise<LiveItem | null>;
}

export interface Source {
  kind: FeedKind;
  /** Rows changed after `cursor` and before `settled`, in (at, key) order, at most `limit`. */
  changes(db: DbOrTx, aud: Audience, cursor: KindCursor | null, settled: Date, limit: number): Promise<Change[]>;
}

/** UTC ISO text with microseconds: PostgreSQL keeps them, a JS Date would drop them and repeat rows. */
const isoText = (e: SQL | PgColumn) => sql<string>`to_char((${e}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `(at, key) > cursor` and `at < settled`, the filter every source uses with its own expressions. */
function window(at: SQL | PgColumn, key: SQL, cursor: KindCursor | null, settled: Date): SQL {
  const before = sql`(${at}) < ${settled.toISOString()}::timestamptz`;
  if (!cursor) return before;
  return sql`${before} and ((${at}) > ${cursor.at}::timestamptz or ((${at}) = ${cursor.at}::timestamptz and (${key}) > ${cursor.key}))`;
}

const iso = (d: Date) => d.toISOString();
/** A change time in microseconds as the millisecond ISO text items carry. */
const msIso = (at: string) => `${at.slice(0, 23)}Z`;
const idsOf = (aud: Audience) => [...aud.served.keys()];

const resourceSource: Source = {
  kind: 'resource',
  async changes(db, aud, cursor, settled, limit) {
    const key = sql`${resources.id}::text`;
    const rows = await db
      .select({ r: resources, at: isoText(resources.updatedAt), key: sql<string>`${key}` })
      .from(resources)
      .where(
        and(
          window(resources.updatedAt, key, cursor, settled),
          isNotNull(resources.publishedAt),
          inArray(resources.jurisdictionId, idsOf(aud)),
        ),
      )
      .orderBy(asc(resources.updatedAt), asc(key))
      .limit(limit);
    return rows.map(({ r, at, key }) => ({
      kind: 'resource' as const,
      id: r.id,
      at,
      key,
      jurisdictionId: r.jurisdictionId,
      build: async (): Promise<LiveItem | null> => {
        if (r.status !== 'published' || !aud.levels.includes(r.publishLevel)) return null;
        const own = await db
          .select()
          .from(resourceFiles)
          .where(and(eq(resourceFiles.resourceId, r.id), isNull(resourceFiles.removedAt)))
          .orderBy(asc(resourceFiles.createdAt));
        return {
          kind: 'resource',
          id: r.id,
          deleted: false,
          updatedAt: iso(r.updatedAt),
          jurisdiction: aud.served.get(r.jurisdictionId)!,
          level: r.publishLevel,
          title: r.title,
          summary: r.summary,
          text: [plainText(r.bodyHtml), ...own.map((f) => f.extractedText ?? '')].filter(Boolean).join('\n\n').slice(0, MAX_TEXT),
          keywords: r.keywords,
          language: r.language,
          subject: r.subject,
          gradeBand: r.gradeBand,
          licence: r.licence,
          attribution: r.attribution,
          files: own.map((f): FeedFile => ({ sha256: f.sha256, filename: f.filename, mediaType: f.mediaType, size: f.size })),
        };
      },
    }));
  },
};

/**
 * A course travels as published: it is published through its library resource (courses.publish.service),
 * so it is visible when that resource is published to a level the peer may see, and its text is the outline
 * the reviewer approved. It changes when the course or its resource changes.
 */
const courseSource: Source = {
  kind: 'course',
  async changes(db, aud, cursor, settled, limit) {
    const at = sql`greatest(${courses.updatedAt}, ${resources.updatedAt})`;
    const key = sql`${courses.id}::text`;
    const rows = await db
      .select({ c: courses, r: resources, at: isoText(at), key: sql<string>`${key}` })
      .from(courses)
      .innerJoin(resources, eq(resources.id, courses.libraryResourceId))
      .where(and(window(at, key, cursor, settled), isNotNull(resources.publishedAt), inArray(courses.jurisdictionId, idsOf(aud))))
      .orderBy(asc(at), asc(key))
      .limit(limit);
    return rows.map(({ c, r, at, key }) => ({
      kind: 'course' as const,
      id: c.id,
      at,
      key,
      jurisdictionId: c.jurisdictionId,
      build: async (): Promise<LiveItem | null> => {
        if (r.status !== 'published' || !aud.levels.includes(r.publishLevel)) return null;
        const units = await db.select().from(courseUnits).where(eq(courseUnits.courseId, c.id)).orderBy(asc(courseUnits.position));
        const lessons = await db.select().from(courseLessons).where(eq(courseLessons.courseId, c.id)).orderBy(asc(courseLessons.position));
        return {
          kind: 'course',
          id: c.id,
          deleted: false,
          updatedAt: msIso(at),
          jurisdiction: aud.served.get(c.jurisdictionId)!,
          level: r.publishLevel,
          title: r.title,
          summary: r.summary,
          text: plainText(r.bodyHtml).slice(0, MAX_TEXT),
          language: c.language,
          gradeBand: c.gradeBand,
          grades: c.grades,
          competencies: c.competencies,
          units: units.map((u) => ({
            title: u.title,
            lessons: lessons
              .filter((l) => l.unitId === u.id)
              .map((l) => ({
                title: l.title,
                objectives: l.objectives.map((o) => o.text),
                durationMinutes: l.durationMinutes,
                grades: l.grades,
              })),
          })),
          files: [],
        };
      },
    }));
  },
};

/** A contest's level as a publish level: a national competition is open to the whole bay area and beyond. */
const CONTEST_PUBLISH_LEVEL: Record<string, PublishLevel> = {
  school: 'school',
  district: 'district',
  city: 'city',
  province: 'province',
  national: 'public',
};

const contestSource: Source = {
  kind: 'contest',
  async changes(db, aud, cursor, settled, limit) {
    const key = sql`${contests.id}::text`;
    const rows = await db
      .select({ c: contests, at: isoText(contests.updatedAt), key: sql<string>`${key}` })
      .from(contests)
      .where(and(window(contests.updatedAt, key, cursor, settled), inArray(contests.jurisdictionId, idsOf(aud))))
      .orderBy(asc(contests.updatedAt), asc(key))
      .limit(limit);
    return rows.map(({ c, at, key }) => ({
      kind: 'contest' as const,
      id: c.id,
      at,
      key,
      jurisdictionId: c.jurisdictionId,
      build: async (): Promise<LiveItem | null> => {
        const level = CONTEST_PUBLISH_LEVEL[c.level] ?? 'school';
        if (!aud.levels.includes(level)) return null;
        return {
          kind: 'contest',
          id: c.id,
          deleted: false,
          updatedAt: iso(c.updatedAt),
          jurisdiction: aud.served.get(c.jurisdictionId)!,
          level,
          title: c.name,
          summary: c.description.slice(0, 5000),
          language: c.language,
          contestLevel: c.level,
          whitelisted: c.whitelisted,
          tracks: c.tracks,
          gradeBands: c.gradeBands,
          rules: c.rules as unknown as Record<string, unknown>,
          dates: {
            registrationOpensAt: iso(c.registrationOpensAt),
            registrationClosesAt: iso(c.registrationClosesAt),
            submissionClosesAt: iso(c.submissionClosesAt),
            judgingClosesAt: iso(c.judgingClosesAt),
            resultsAt: iso(c.resultsAt),
          },
          files: [],
        };
      },
    }));
  },
};

/** Bay-area programmes go to every peer that sees the bay area; jurisdiction programmes stay at province level. */
const programmeSource: Source = {
  kind: 'programme',
  async changes(db, aud, cursor, settled, limit) {
    const p = trainingProgrammes;
    const key = sql`${p.id}::text`;
    const rows = await db
      .select({ p, at: isoText(p.updatedAt), key: sql<string>`${key}` })
      .from(p)
      .where(and(window(p.updatedAt, key, cursor, settled), inArray(p.jurisdictionId, idsOf(aud))))
      .orderBy(asc(p.updatedAt), asc(key))
      .limit(limit);
    return rows.map(({ p: row, at, key }) => ({
      kind: 'programme' as const,
      id: row.id,
      at,
      key,
      jurisdictionId: row.jurisdictionId,
      build: async (): Promise<LiveItem | null> => {
        const level: PublishLevel = row.visibility === 'bay_area' ? 'bay-area' : 'province';
        if (row.status !== 'published' || !aud.levels.includes(level)) return null;
        return {
          kind: 'programme',
          id: row.id,
          deleted: false,
          updatedAt: iso(row.updatedAt),
          jurisdiction: aud.served.get(row.jurisdictionId)!,
          level,
          title: row.title,
          summary: row.summary.slice(0, 5000),
          language: row.language,
          tier: row.tier,
          category: row.category,
          targetLevel: row.targetLevel,
          organiserName: row.organiserName,
          creditHours: row.creditHours,
          files: [],
        };
      },
    }));
  },
};

/**
 * A de-identified output of an approved release under an agreement, sent only to a peer serving the
 * agreement's other party, while the agreement is active and unexpired. Its change time includes the
 * agreement's (revocation) and, once passed, its expiry — so either produces a tombstone.
 */
const datasetSource: Source = {
  kind: 'dataset',
  async changes(db, aud, cursor, settled, limit) {
    const r = privacyReleases;
    const a = privacyAgreements;
    const at = sql`greatest(${r.updatedAt}, ${a.updatedAt}, case when ${a.expiresAt} <= now() then ${a.expiresAt} end)`;
    const key = sql`${r.id}::text`;
    const rows = await db
      .select({ r, a, d: privacyDatasets, at: isoText(at), key: sql<string>`${key}` })
      .from(r)
      .innerJoin(a, eq(a.id, r.agreementId))
      .innerJoin(privacyDatasets, eq(privacyDatasets.id, r.outputDatasetId))
      .where(and(window(at, key, cursor, settled), inArray(r.jurisdictionId, idsOf(aud))))
      .orderBy(asc(at), asc(key))
      .limit(limit);
    const codes = new Map(aud.served);
    return rows.map(({ r: rel, a: agr, d, at, key }) => ({
      kind: 'dataset' as const,
      id: d.id,
      at,
      key,
      jurisdictionId: rel.jurisdictionId,
      build: async (): Promise<LiveItem | null> => {
        const other = agr.jurisdictionId === rel.jurisdictionId ? agr.partnerJurisdictionId : agr.jurisdictionId;
        const otherCode = codes.get(other) ?? (await jurisdictionCode(db, other));
        const live =
          rel.status === 'approved' &&
          rel.outbound?.ok !== false &&
          agr.status === 'active' &&
          agr.expiresAt.getTime() > Date.now() &&
          [agr.jurisdictionId, agr.partnerJurisdictionId].includes(rel.jurisdictionId) &&
          !!otherCode &&
          aud.peerJurisdictions.includes(otherCode);
        if (!live) return null;
        const inline = d.format !== 'xlsx' && d.size <= MAX_INLINE_DATASET ? await getBlob(db, d.blobSha256) : null;
        return {
          kind: 'dataset',
          id: d.id,
          deleted: false,
          updatedAt: msIso(at),
          jurisdiction: aud.served.get(rel.jurisdictionId)!,
          level: 'bay-area',
          title: d.name,
          summary: rel.objective.slice(0, 5000),
          category: d.category,
          format: d.format,
          rowCount: d.rowCount,
          columns: d.columns,
          agreement: {
            id: agr.id,
            title: agr.title,
            purpose: agr.purpose.slice(0, 5000),
            parties: [aud.served.get(rel.jurisdictionId)!, otherCode],
            expiresAt: iso(agr.expiresAt),
          },
          content: inline ? inline.toString('utf8') : null,
          files: [],
        };
      },
    }));
  },
};

async function jurisdictionCode(db: DbOrTx, id: string): Promise<string | null> {
  const [j] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.id, id));
  return j?.code ?? null;
}

/** Whether a jurisdiction total rests on too few schools or counts too few of anything to be shown (insights' rule). */
export function smallCell(v: { schools: number; numerator: number; denominator: number }): boolean {
  return v.schools < SMALL_CELL || v.denominator < SMALL_CELL || (v.numerator > 0 && v.numerator < SMALL_CELL);
}

/**
 * Jurisdiction totals of indicators, the only aggregates that leave the node: a small cell travels with
 * its value suppressed (null); school and unit values never travel.
 */
const indicatorSource: Source = {
  kind: 'indicator',
  async changes(db, aud, cursor, settled, limit) {
    const v = insightsValues;
    const key = sql`${v.jurisdictionId}::text || '|' || ${v.code} || '|' || ${v.term}`;
    const rows = await db
      .select({ v, at: isoText(v.computedAt), key: sql<string>`${key}` })
      .from(v)
      .where(and(window(v.computedAt, key, cursor, settled), eq(v.scopeKind, 'jurisdiction'), inArray(v.jurisdictionId, idsOf(aud))))
      .orderBy(asc(v.computedAt), asc(key))
      .limit(limit);
    const defs = new Map<string, Awaited<ReturnType<typeof definitionsFor>>>();
    return rows.map(({ v: row, at, key }) => {
      const code = aud.served.get(row.jurisdictionId)!;
      return {
        kind: 'indicator' as const,
        id: `${code}.${row.code}.${row.term}`.slice(0, 100),
        at,
        key,
        jurisdictionId: row.jurisdictionId,
        build: async (): Promise<LiveItem | null> => {
          if (!aud.levels.includes('bay-area')) return null;
          if (!defs.has(row.jurisdictionId)) defs.set(row.jurisdictionId, await definitionsFor(db, row.jurisdictionId));
          const def = defs.get(row.jurisdictionId)!.find((d) => d.code === row.code);
          if (!def) return null;
          const suppressed = smallCell(row);
          const names = def.names as unknown as Record<string, string>;
          return {
            kind: 'indicator',
            id: `${code}.${row.code}.${row.term}`.slice(0, 100),
            deleted: false,
            updatedAt: msIso(at),
            jurisdiction: code,
            level: 'bay-area',
            title: `${names['zh-Hans'] ?? row.code} · ${row.term}`.slice(0, 500),
            summary: '',
            code: row.code,
            term: row.term,
            names,
            unit: def.unit,
            value: suppressed ? null : indicatorValue(def.scale, row.numerator, row.denominator),
            suppressed,
            files: [],
          };
        },
      };
    });
  },
};

export const FEED_SOURCES: Source[] = [resourceSource, courseSource, contestSource, programmeSource, datasetSource, indicatorSource];
