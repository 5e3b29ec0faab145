import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ensureIndicatorCatalogue } from './insights.catalogue.ts';
import { factsQuery } from './insights.facts.ts';
import { formulaToSql } from './insights.formula.ts';
import { insightsIndicators } from './insights.schema.ts';

type Rows<T> = { rows: T[] };
const count = async (db: DbOrTx, q: ReturnType<typeof sql>) => Number(((await db.execute(q)) as unknown as Rows<{ n: number }>).rows[0].n);

/**
 * Recomputes one term, set-based and inside the caller's transaction, in four statements whatever the size:
 *
 * 1. every school's variables (one query, insights.facts.ts) into a temporary table;
 * 2. from it, for every indicator definition, each school's numerator and denominator and their sums per
 *    authority unit (every unit in the school's `authority_path`: district, city, province) and per
 *    jurisdiction, into a second temporary table. A level's value is always Σ numerator / Σ denominator of
 *    the schools under it, never an average of the children's ratios;
 * 3. and 4. only what differs is written back — facts and values that changed are upserted, those that no
 *    longer exist deleted, unchanged rows left alone.
 *
 * Writing only the difference is what keeps it fast: a nightly run on a province where little changed writes
 * almost nothing, where rewriting ~50,000 values cost more than computing them (index upkeep, the foreign-key
 * check per row, and dead rows that slow the next run). `insights_runs` records when the term was computed.
 */
export async function recomputeTerm(
  db: DbOrTx,
  term: string,
): Promise<{ schools: number; values: number; changed: number; factsSeconds: number; valuesSeconds: number }> {
  // One recompute at a time: two would race on the same keys (the nightly run and one after an import).
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('insights.recompute'))`);
  await ensureIndicatorCatalogue(db);
  const started = performance.now();

  await db.execute(sql`drop table if exists pg_temp.insights_fresh_facts`);
  await db.execute(sql`create temp table insights_fresh_facts on commit drop as ${factsQuery(term)}`);
  await db.execute(sql`
    with gone as (
      delete from insights_facts f where f.term = ${term}
        and not exists (select 1 from insights_fresh_facts n where n.school_id = f.school_id)
      returning 1
    )
    insert into insights_facts (school_id, term, jurisdiction_id, authority_path, vars)
    select n.school_id, ${term}, n.jurisdiction_id, n.authority_path, n.vars
    from insights_fresh_facts n
    left join insights_facts f on f.school_id = n.school_id and f.term = ${term}
    where f.school_id is null or f.vars <> n.vars or f.jurisdiction_id <> n.jurisdiction_id or f.authority_path <> n.authority_path
    on conflict (school_id, term) do update
      set jurisdiction_id = excluded.jurisdiction_id, authority_path = excluded.authority_path, vars = excluded.vars, computed_at = now()
  `);
  const factsDone = performance.now();

  const definitions = await db.select().from(insightsIndicators).where(eq(insightsIndicators.active, true));
  // Every definition's per-school numerator and denominator, read from the fresh facts in one pass.
  const perDefinition = definitions.map((d) => {
    const vars = sql.raw('f.vars');
    // A jurisdiction's own definition replaces the shared one there (e.g. HK's course coverage).
    const applies = d.jurisdictionId
      ? sql`f.jurisdiction_id = ${d.jurisdictionId}`
      : sql`f.jurisdiction_id not in (select jurisdiction_id from insights_indicators
             where code = ${d.code} and jurisdiction_id is not null and active)`;
    return sql`select ${d.code}::text as code, ${d.id}::uuid as indicator_id, f.school_id, f.jurisdiction_id, f.authority_path,
                 (${formulaToSql(d.numerator, vars)})::float8 as n, (${formulaToSql(d.denominator, vars)})::float8 as d
               from insights_fresh_facts f where ${applies}`;
  });
  await db.execute(sql`drop table if exists pg_temp.insights_fresh_values`);
  await db.execute(sql`
    create temp table insights_fresh_values (
      code text not null, scope_kind text not null, scope_id uuid not null, jurisdiction_id uuid not null,
      indicator_id uuid not null, numerator float8 not null, denominator float8 not null, schools int not null
    ) on commit drop`);
  if (perDefinition.length) {
    await db.execute(sql`
      with per as materialized (${sql.join(perDefinition, sql` union all `)})
      insert into insights_fresh_values
      select code, 'school', school_id, jurisdiction_id, indicator_id, n, d, 1 from per
      union all
      select code, 'unit', u.unit_id, per.jurisdiction_id, indicator_id, sum(n), sum(d), count(*)::int
        from per cross join lateral unnest(per.authority_path) as u(unit_id)
        group by code, indicator_id, u.unit_id, per.jurisdiction_id
      union all
      select code, 'jurisdiction', jurisdiction_id, jurisdiction_id, indicator_id, sum(n), sum(d), count(*)::int
        from per group by code, indicator_id, jurisdiction_id
    `);
  }
  // The key the writes below match on; analyze so the planner knows the temp table's size.
  await db.execute(sql`create index on insights_fresh_values (code, scope_kind, scope_id)`);
  await db.execute(sql`analyze insights_fresh_values`);
  const deleted = await count(
    db,
    sql`with gone as (
          delete from insights_values v where v.term = ${term}
            and not exists (select 1 from insights_fresh_values n
                            where n.code = v.code and n.scope_kind = v.scope_kind and n.scope_id = v.scope_id)
          returning 1
        ) select count(*)::int as n from gone`,
  );
  const written = await count(
    db,
    sql`with put as (
          insert into insights_values (code, term, scope_kind, scope_id, jurisdiction_id, indicator_id, numerator, denominator, schools)
          select n.code, ${term}, n.scope_kind, n.scope_id, n.jurisdiction_id, n.indicator_id, n.numerator, n.denominator, n.schools
          from insights_fresh_values n
          left join insights_values v on v.term = ${term} and v.code = n.code and v.scope_kind = n.scope_kind and v.scope_id = n.scope_id
          where v.code is null
             or (v.numerator, v.denominator, v.schools, v.indicator_id, v.jurisdiction_id)
                is distinct from (n.numerator, n.denominator, n.schools, n.indicator_id, n.jurisdiction_id)
          on conflict (code, term, scope_kind, scope_id) do update
            set numerator = excluded.numerator, denominator = excluded.denominator, schools = excluded.schools,
                indicator_id = excluded.indicator_id, jurisdiction_id = excluded.jurisdiction_id, computed_at = now()
          returning 1
        ) select count(*)::int as n from put`,
  );
  const schools = await count(db, sql`select count(*)::int as n from insights_fresh_facts`);
  const values = await count(db, sql`select count(*)::int as n from insights_fresh_values`);
  await db.execute(sql`
    insert into insights_runs (term, computed_at, schools, "values", changed)
    values (${term}, now(), ${schools}, ${values}, ${deleted + written})
    on conflict (term) do update set computed_at = now(), schools = excluded.schools, "values" = excluded."values", changed = excluded.changed`);
  await db.execute(sql`drop table if exists pg_temp.insights_fresh_facts`);
  await db.execute(sql`drop table if exists pg_temp.insights_fresh_values`);
  return {
    schools,
    values,
    changed: deleted + written,
    factsSeconds: (factsDone - started) / 1000,
    valuesSeconds: (performance.now() - factsDone) / 1000,
  };
}

/** Value shown for a sum pair; null when nothing is counted below (0 ÷ 0). */
export function indicatorValue(scale: number, numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (scale * numerator) / denominator;
}
