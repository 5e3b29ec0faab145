import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type { TDashboardQuery } from '../../../shared/api/insights.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hasAnyRole, requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import { mayEditCatalogue } from './insights.catalogue.service.ts';
import { insightsPolicy, SMALL_CELL } from './insights.policy.ts';
import { presentIndicator, presentValue } from './insights.present.ts';
import { indicatorValue, recomputeTerm } from './insights.recompute.ts';
import { insightsIndicators, insightsRuns, insightsValues } from './insights.schema.ts';
import { definitionsFor, factsInScope, resolveScope, type Scope } from './insights.scope.ts';
import { currentTerm, recentTerms } from './insights.terms.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: DbOrTx, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as Rows<T>).rows;

type ValueRow = typeof insightsValues.$inferSelect;

/** Gaps a bureau acts on, each with the page that fixes it. */
const GAPS = [
  { kind: 'no_ai_lab', variable: 'ai_labs', link: (id: string) => `/insights/school?school=${id}` },
  { kind: 'no_trained_teachers', variable: 'trained_teachers', link: () => `/training` },
  { kind: 'no_sister_school', variable: 'sister_pairs', link: (id: string) => `/network/schools/${id}` },
] as const;
const GAP_LIST_LIMIT = 50;

async function latestTerm(db: DbOrTx, scope: Scope): Promise<string> {
  const [row] = await db
    .select({ term: sql<string | null>`max(${insightsValues.term})` })
    .from(insightsValues)
    .where(eq(insightsValues.scopeId, scope.id));
  return row?.term ?? currentTerm();
}

async function children(db: DbOrTx, scope: Scope): Promise<{ kind: 'unit' | 'school'; id: string; names: LocalisedName }[]> {
  if (scope.kind === 'school') return [];
  const units = await db
    .select({ id: authorityUnits.id, names: authorityUnits.names })
    .from(authorityUnits)
    .where(
      scope.kind === 'unit'
        ? eq(authorityUnits.parentId, scope.id)
        : and(eq(authorityUnits.jurisdictionId, scope.id), sql`${authorityUnits.parentId} is null`),
    );
  if (units.length) return units.map((u) => ({ kind: 'unit' as const, ...u }));
  const list = await db
    .select({ id: schools.id, names: schools.names })
    .from(schools)
    .where(scope.kind === 'unit' ? eq(schools.authorityUnitId, scope.id) : eq(schools.jurisdictionId, scope.id));
  return list.map((s) => ({ kind: 'school' as const, ...s }));
}

function histogram(values: number[], bins = 8) {
  if (!values.length) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const out = Array.from({ length: hi > lo ? bins : 1 }, (_, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count: 0 }));
  for (const v of values) out[Math.min(out.length - 1, Math.floor((v - lo) / width))].count++;
  return out;
}

/**
 * The bureau dashboard of one place and term: overview cards with the previous term, trends over six
 * terms, the distribution of school values, a ranking of the units (or schools) one level down, and the
 * gap lists. Everything comes from stored sums, so it reads fast whatever the size of the province.
 */
export async function getDashboard(ctx: Ctx, query: TDashboardQuery) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.dashboard);
  const scope = await resolveScope(ctx.db, actor, insightsPolicy.dashboard, query.scope);
  const term = query.term ?? (await latestTerm(ctx.db, scope));
  const terms = recentTerms(term, 6);
  const defs = await definitionsFor(ctx.db, scope.jurisdictionId);

  const [run] = await ctx.db.select({ computedAt: insightsRuns.computedAt }).from(insightsRuns).where(eq(insightsRuns.term, term));
  const own = await ctx.db
    .select()
    .from(insightsValues)
    .where(and(eq(insightsValues.scopeId, scope.id), eq(insightsValues.scopeKind, scope.kind), inArray(insightsValues.term, terms)));
  const at = (code: string, t: string) => own.find((v) => v.code === code && v.term === t);

  const kids = await children(ctx.db, scope);
  const kidValues: ValueRow[] = kids.length
    ? await ctx.db
        .select()
        .from(insightsValues)
        .where(
          and(
            eq(insightsValues.term, term),
            inArray(
              insightsValues.scopeId,
              kids.map((k) => k.id),
            ),
          ),
        )
    : [];

  const schoolValues = await rowsOf<{ code: string; numerator: number; denominator: number }>(
    ctx.db,
    sql`select v.code, v.numerator, v.denominator from insights_values v
        join insights_facts f on f.school_id = v.scope_id and f.term = v.term
        where v.term = ${term} and v.scope_kind = 'school' and ${factsInScope(scope)}`,
  );

  const gapRows = await rowsOf<{ school_id: string; code: string; names: LocalisedName; gap: string }>(
    ctx.db,
    sql`select f.school_id, s.code, s.names, g.kind as gap
        from insights_facts f join schools s on s.id = f.school_id
        cross join (values ${sql.join(
          GAPS.map((g) => sql`(${g.kind}, ${g.variable})`),
          sql`, `,
        )}) as g(kind, variable)
        where f.term = ${term} and ${factsInScope(scope)} and coalesce((f.vars->>g.variable)::float8, 0) = 0
        order by s.code`,
  );

  return {
    scope: { kind: scope.kind, id: scope.id, names: scope.names, level: scope.level, jurisdiction: scope.jurisdictionCode },
    term,
    terms,
    canRecompute: hasAnyRole(actor, insightsPolicy.recompute),
    /** When this term's figures were last worked out (nightly, after inventory changes, or on request). */
    computedAt: run?.computedAt.toISOString() ?? null,
    indicators: defs.map((d) => ({
      ...presentIndicator(d, d.jurisdictionId ? scope.jurisdictionCode : null),
      current: presentValue(d.scale, at(d.code, term)),
      previous: presentValue(d.scale, at(d.code, terms[terms.length - 2])),
      trend: terms.map((t) => {
        const v = at(d.code, t);
        return { term: t, value: v ? indicatorValue(d.scale, v.numerator, v.denominator) : null };
      }),
      distribution: histogram(
        schoolValues
          .filter((v) => v.code === d.code && Number(v.denominator) > 0)
          .map((v) => indicatorValue(d.scale, Number(v.numerator), Number(v.denominator))!),
      ),
    })),
    ranking: kids.map((k) => ({
      kind: k.kind,
      id: k.id,
      names: k.names,
      values: Object.fromEntries(
        defs.map((d) => {
          const v = kidValues.find((x) => x.scopeId === k.id && x.code === d.code);
          return [d.code, v ? indicatorValue(d.scale, v.numerator, v.denominator) : null];
        }),
      ),
    })),
    gaps: GAPS.map((g) => {
      const list = gapRows.filter((r) => r.gap === g.kind);
      return {
        kind: g.kind,
        total: list.length,
        schools: list.slice(0, GAP_LIST_LIMIT).map((r) => ({ id: r.school_id, code: r.code, names: r.names, link: g.link(r.school_id) })),
      };
    }),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/**
 * Jurisdictions side by side: only each jurisdiction's totals, never a school or unit of another one, and a
 * cell is suppressed when it rests on fewer than 5 schools or counts 1–4 of anything (small cells identify).
 * Each side is labelled with the definition it uses, since definitions may differ (HK's course coverage).
 */
export async function compareJurisdictions(ctx: Ctx, termQuery?: string) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.compare);
  const all = await ctx.db.select().from(jurisdictions).orderBy(jurisdictions.code);
  const [latest] = await ctx.db
    .select({ term: sql<string | null>`max(${insightsValues.term})` })
    .from(insightsValues)
    .where(eq(insightsValues.scopeKind, 'jurisdiction'));
  const term = termQuery ?? latest?.term ?? currentTerm();
  const values = await ctx.db
    .select()
    .from(insightsValues)
    .where(and(eq(insightsValues.scopeKind, 'jurisdiction'), eq(insightsValues.term, term)));
  const sides = await Promise.all(all.map(async (j) => ({ j, defs: await definitionsFor(ctx.db, j.id) })));
  const codes = [...new Set(sides.flatMap((s) => s.defs.map((d) => d.code)))];
  return {
    term,
    minimumCell: SMALL_CELL,
    jurisdictions: all.map((j) => ({ code: j.code, names: j.names })),
    indicators: codes.map((code) => ({
      code,
      sides: sides.map(({ j, defs }) => {
        const d = defs.find((x) => x.code === code);
        const v = values.find((x) => x.jurisdictionId === j.id && x.code === code);
        const small = !v || v.schools < SMALL_CELL || v.denominator < SMALL_CELL || (v.numerator > 0 && v.numerator < SMALL_CELL);
        return {
          jurisdiction: j.code,
          names: d?.names ?? null,
          definition: d?.definitions ?? null,
          unit: d?.unit ?? null,
          suppressed: !!v && small,
          value: v && !small && d ? indicatorValue(d.scale, v.numerator, v.denominator) : null,
        };
      }),
    })),
  };
}

/** Recomputes a term for the node (set-based; seconds for a province), with an audit entry. */
export async function recompute(ctx: Ctx, term: string) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.recompute);
  return ctx.db.transaction(async (tx) => {
    const result = await recomputeTerm(tx, term);
    await recordAudit(tx, actor, {
      action: 'insights.recompute',
      targetType: 'insights_term',
      details: { term, schools: result.schools, values: result.values },
    });
    return { term, ...result };
  });
}

/** The indicator catalogue in force for the caller's jurisdiction(s), overrides marked with their jurisdiction. */
export async function listCatalogue(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.catalogue);
  const all = await ctx.db.select().from(jurisdictions);
  const code = new Map(all.map((j) => [j.id, j.code]));
  const rows = await ctx.db.select().from(insightsIndicators).orderBy(insightsIndicators.sortOrder, insightsIndicators.code);
  return rows.map((d) => ({
    ...presentIndicator(d, d.jurisdictionId ? (code.get(d.jurisdictionId) ?? null) : null),
    canEdit: mayEditCatalogue(actor, d.jurisdictionId),
  }));
}
