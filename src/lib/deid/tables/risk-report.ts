import { cellText, type RowSource, type TableRow } from './table-row.ts';

/**
 * Re-identification risk of a released table under the prosecutor model (the attacker knows the target is
 * in the data and knows their quasi-identifiers): a record's risk is 1 / |its equivalence class|.
 * See K. El Emam, "Guide to the De-Identification of Personal Health Information" (2013), ch. 12.
 */
export interface RiskReport {
  records: number;
  /** Number of equivalence classes (distinct quasi-identifier combinations). */
  classes: number;
  smallestClass: number;
  /** Highest prosecutor risk = 1 / smallest class. */
  maxRisk: number;
  /** Average prosecutor risk over records = classes / records (also the marketer risk). */
  averageRisk: number;
  /** The k the report was judged against. */
  k: number;
  /** Records in classes smaller than k, and the share of all records they are. */
  recordsBelowK: number;
  shareBelowK: number;
  classesBelowK: number;
}

/**
 * Builds a {@link RiskReport} from equivalence-class sizes.
 * @example riskFromClassSizes([5, 7, 2], 5).recordsBelowK // → 2
 */
export function riskFromClassSizes(sizes: Iterable<number>, k: number): RiskReport {
  let records = 0;
  let classes = 0;
  let smallest = Number.POSITIVE_INFINITY;
  let recordsBelowK = 0;
  let classesBelowK = 0;
  for (const s of sizes) {
    if (s <= 0) continue;
    records += s;
    classes++;
    if (s < smallest) smallest = s;
    if (s < k) {
      recordsBelowK += s;
      classesBelowK++;
    }
  }
  if (records === 0) {
    return { records: 0, classes: 0, smallestClass: 0, maxRisk: 0, averageRisk: 0, k, recordsBelowK: 0, shareBelowK: 0, classesBelowK: 0 };
  }
  return {
    records,
    classes,
    smallestClass: smallest,
    maxRisk: 1 / smallest,
    averageRisk: classes / records,
    k,
    recordsBelowK,
    shareBelowK: recordsBelowK / records,
    classesBelowK,
  };
}

/**
 * Measures the risk of a table as released — the function behind
 * `edubridge deid risk --in out.csv --quasi age,gender,district`. Accepts rows in memory or streamed
 * from a file; values compare by their text, so "12" and 12 are the same class.
 * @example await riskReport(readTableFile('out.csv'), ['age', 'gender', 'district'], { k: 5 })
 */
export async function riskReport(rows: RowSource, quasi: readonly string[], options: { k?: number } = {}): Promise<RiskReport> {
  const sizes = new Map<string, number>();
  for await (const row of rows as AsyncIterable<TableRow>) {
    const key = classKey(row, quasi);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return riskFromClassSizes(sizes.values(), options.k ?? 5);
}

function classKey(row: TableRow, quasi: readonly string[]): string {
  let key = '';
  for (let i = 0; i < quasi.length; i++) key += (i ? '\u0000' : '') + cellText(row[quasi[i]] ?? null);
  return key;
}
