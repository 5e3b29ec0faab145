import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ensureIndicatorCatalogue } from './insights.catalogue.ts';
import { computeFacts } from './insights.facts.ts';
import { formulaToSql } from './insights.formula.ts';
import { insightsIndicators } from './insights.schema.ts';

/**
 * Recomputes one term: the variables of every school (one statement), then for each indicator definition
 * one statement that writes school values and their sums per authority unit (every unit in a school's
 * `authority_path`: district, city, province) and per jurisdiction. A level's value is always
 * Σ numerator / Σ denominator of the schools under it, never an average of the children's ratios.
 * Callers run it inside their transaction.
 */
export async function recomputeTerm(
  db: DbOrTx,
  term: string,
): Promise<{ schools: number; values: number; factsSeconds: number; valuesSeconds: number }> {
  await ensureIndicatorCatalogue(db);
  const started = performance.now();
  await computeFacts(db, term);
  const factsDone = performance.now();
  await db.execute(sql`delete from insights_values where term = ${term}`);
  const definitions = await db.select().from(insightsIndicators).where(eq(insightsIndicators.active, true));
  // Every definition's per-school numerator and denominator in one statement, then the sums of the three levels.
  const perDefinition = definitions.map((d) => {
    const vars = sql.raw('f.vars');
    // A jurisdiction's own definition replaces the shared one there (e.g. HK's course coverage).
    const applies = d.jurisdictionId
      ? sql`f.jurisdiction_id = ${d.jurisdictionId}`
      : sql`f.jurisdiction_id not in (select jurisdiction_id from insights_indicators
             where code = ${d.code} and jurisdiction_id is not null and active)`;
    return sql`select ${d.code}::text as code, ${d.id}::uuid as indicator_id, f.school_id, f.jurisdiction_id, f.authority_path,
                 (${formulaToSql(d.numerator, vars)})::float8 as n, (${formulaToSql(d.denominator, vars)})::float8 as d
               from insights_facts f where f.term = ${term} and ${applies}`;
  });
  if (perDefinition.length) {
    await db.execute(sql`
      with per as materialized (${sql.join(perDefinition, sql` union all `)})
      insert into insights_values (code, term, scope_kind, scope_id, jurisdiction_id, indicator_id, numerator, denominator, schools)
      select code, ${term}, 'school', school_id, jurisdiction_id, indicator_id, n, d, 1 from per
      union all
      select code, ${term}, 'unit', u.unit_id, per.jurisdiction_id, indicator_id, sum(n), sum(d), count(*)::int
        from per cross join lateral unnest(per.authority_path) as u(unit_id)
        group by code, indicator_id, u.unit_id, per.jurisdiction_id
      union all
      select code, ${term}, 'jurisdiction', jurisdiction_id, jurisdiction_id, indicator_id, sum(n), sum(d), count(*)::int
        from per group by code, indicator_id, jurisdiction_id
    `);
  }
  const [{ schools, values }] = (
    (await db.execute(sql`
      select (select count(*) from insights_facts where term = ${term})::int as schools,
             (select count(*) from insights_values where term = ${term})::int as values
    `)) as unknown as { rows: { schools: number; values: number }[] }
  ).rows;
  return {
    schools: Number(schools),
    values: Number(values),
    factsSeconds: (factsDone - started) / 1000,
    valuesSeconds: (performance.now() - factsDone) / 1000,
  };
}

/** Value shown for a sum pair; null when nothing is counted below (0 ÷ 0). */
export function indicatorValue(scale: number, numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (scale * numerator) / denominator;
}
