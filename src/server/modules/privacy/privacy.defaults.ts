import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import type { DbOrTx } from '../../db/client.ts';
import { DATA_CATEGORIES, type DataCategory, type TPolicyBody } from '../../../shared/api/privacy.ts';
import { privacyPolicies } from './privacy.schema.ts';

/**
 * Default de-identification policies per legal regime, seeded at start for every jurisdiction and then
 * the data steward's to change (docs/privacy.md, "Policies" and "Legal mapping"). Rosters never leave:
 * a list of named pupils serves no cross-boundary purpose that aggregates cannot. Growth records
 * (综合素质评价) hold evaluations of minors and leave only as DP aggregates. The mainland regime (PIPL)
 * asks a personal information protection impact assessment (art. 55) and a filed standard contract for
 * cross-boundary provision (art. 38; GBA standard contract); Macao's Law 8/2005 (arts. 19–20) asks for a
 * notification to/authorisation by the DSPDP; Hong Kong's PDPO recommends a PIA (PCPD guidance) and the
 * GBA standard contract applies to mainland↔HK flows.
 */
type Defaults = Record<DataCategory, Pick<TPolicyBody, 'egress' | 'minK' | 'epsilonPerPeriod'>>;

const PIPL: Defaults = {
  rosters: { egress: 'never', minK: 20, epsilonPerPeriod: 0.5 },
  growth_records: { egress: 'aggregate', minK: 20, epsilonPerPeriod: 1 },
  learning_records: { egress: 'deidentified', minK: 10, epsilonPerPeriod: 2 },
  assessment_results: { egress: 'deidentified', minK: 10, epsilonPerPeriod: 1 },
  teacher_training: { egress: 'deidentified', minK: 5, epsilonPerPeriod: 2 },
};

const SAR: Defaults = {
  rosters: { egress: 'never', minK: 10, epsilonPerPeriod: 0.5 },
  growth_records: { egress: 'aggregate', minK: 10, epsilonPerPeriod: 1 },
  learning_records: { egress: 'deidentified', minK: 5, epsilonPerPeriod: 2 },
  assessment_results: { egress: 'deidentified', minK: 5, epsilonPerPeriod: 2 },
  teacher_training: { egress: 'deidentified', minK: 5, epsilonPerPeriod: 3 },
};

/** The default policy of a jurisdiction (by code) for a category. */
export function defaultPolicy(code: string, category: DataCategory): TPolicyBody {
  const mainland = code === 'GD' || code === 'HB';
  const base = (mainland ? PIPL : SAR)[category];
  return {
    ...base,
    periodDays: 90,
    // Children under 14: twice the k and half the ε (PIPL arts. 28, 31 make their data sensitive).
    childMinK: base.minK * 2,
    childEpsilonPerPeriod: base.epsilonPerPeriod / 2,
    requiresPia: true,
    requiresFiling: code !== 'HK',
    notes: '',
  };
}

/** Seeds the default policies of every jurisdiction; rows that exist are left as the steward made them. */
export async function seedPrivacyPolicies(db: DbOrTx): Promise<number> {
  const js = await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions);
  const rows = js.flatMap((j) =>
    DATA_CATEGORIES.map((category) => ({ jurisdictionId: j.id, category, ...defaultPolicy(j.code, category) })),
  );
  if (!rows.length) return 0;
  const inserted = await db.insert(privacyPolicies).values(rows).onConflictDoNothing().returning({ id: privacyPolicies.id });
  return inserted.length;
}
