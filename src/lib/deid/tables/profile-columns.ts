import { matchHeader, type ColumnRole } from './header-lexicon.ts';
import { piiDetector, type PiiDetector } from './pii-adapter.ts';
import { parseDay } from './quasi-encoding.ts';
import { cellText, type RowSource, type TableRow } from './table-row.ts';

/** Operators a table policy can apply to a column (see apply-table-policy.ts). */
export type ColumnOperator = 'drop' | 'keep' | 'pseudonym' | 'generalise' | 'mask' | 'redact';

export interface ColumnProfile {
  column: string;
  /** Suggested role; a data steward confirms or corrects it in the policy. */
  role: ColumnRole;
  /** Detected entity type (../detect.ts vocabulary, or a quasi-identifier kind such as AGE, GEOGRAPHY). */
  entity: string | null;
  /** Why this role was suggested, in plain words (for the steward's review screen and the audit trail). */
  reason: string;
  suggestedOperator: ColumnOperator;
  sampled: number;
  nonEmpty: number;
  distinct: number;
  /** Share of non-empty sampled cells in which the detector found personal data inside longer text. */
  freeTextPiiShare: number;
}

export interface ProfileOptions {
  /** Rows read from the source; default 500 (profiling samples, it does not scan whole files). */
  sampleSize?: number;
  /** Detector for content sampling; default `detect` from ../detect.ts, `false` for headers only. */
  detector?: PiiDetector | false;
}

/** Entity types that identify a person on their own. */
const DIRECT_TYPES = new Set([
  'PERSON',
  'CN_RESIDENT_ID',
  'HK_ID',
  'MO_ID',
  'HMT_PERMIT',
  'PASSPORT',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'STUDENT_ID',
  'BANK_CARD',
  'IP_ADDRESS',
  'ACCOUNT',
]);
const GENDER_VALUES = new Set(['男', '女', 'm', 'f', 'male', 'female', '男性', '女性', 'masculino', 'feminino', 'boy', 'girl']);

/**
 * Suggests a role for every column from its header (simplified/traditional Chinese, English, Portuguese
 * vocabulary in header-lexicon.ts) and from a sample of its values: cells the PII detector recognises
 * whole, date-like or gender-like values, and near-unique text (a likely identifier).
 * @example
 * const profiles = await profileColumns(readTableFile('roster.xlsx'));
 * // [{ column: '學號', role: 'direct_identifier', entity: 'STUDENT_ID', reason: 'header matches …', … }, …]
 */
export async function profileColumns(rows: RowSource, options: ProfileOptions = {}): Promise<ColumnProfile[]> {
  const sampleSize = options.sampleSize ?? 500;
  const detector = piiDetector(options.detector);
  const sample: TableRow[] = [];
  const columns: string[] = [];
  const seen = new Set<string>();
  for await (const row of rows as AsyncIterable<TableRow>) {
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
    sample.push(row);
    if (sample.length >= sampleSize) break;
  }
  return columns.map((c) =>
    profileColumn(
      c,
      sample.map((r) => cellText(r[c] ?? null).trim()),
      detector,
    ),
  );
}

/** Profiles one column from its header and its sampled cell texts. */
export function profileColumn(column: string, cells: readonly string[], detector: PiiDetector): ColumnProfile {
  const values = cells.filter((v) => v !== '');
  const distinct = new Set(values).size;
  const base = { column, sampled: cells.length, nonEmpty: values.length, distinct };

  // Content: which entity type covers (nearly) whole cells, and how often PII hides inside longer text.
  const whole = new Map<string, number>();
  let inText = 0;
  for (const v of values) {
    const spans = detector(v);
    const covering = spans.find((s) => s.end - s.start >= 0.8 * v.length);
    if (covering) whole.set(covering.type, (whole.get(covering.type) ?? 0) + 1);
    else if (spans.length > 0) inText++;
  }
  const top = [...whole.entries()].sort((a, b) => b[1] - a[1])[0];
  const contentEntity = top && top[1] >= 0.5 * values.length ? top[0] : null;
  const freeTextPiiShare = values.length ? inText / values.length : 0;
  const share = (n: number) => `${Math.round((100 * n) / Math.max(values.length, 1))}%`;

  const header = matchHeader(column);
  const suggest = (role: ColumnRole, entity: string | null, reason: string): ColumnProfile => ({
    ...base,
    role,
    entity,
    reason,
    freeTextPiiShare,
    suggestedOperator: operatorFor(role, entity, freeTextPiiShare),
  });

  if (contentEntity && DIRECT_TYPES.has(contentEntity) && header?.role !== 'direct_identifier') {
    return suggest('direct_identifier', contentEntity, `${share(top![1])} of sampled values are detected as ${contentEntity}`);
  }
  if (header) {
    const agree = contentEntity && contentEntity === header.entity ? `; ${share(top![1])} of sampled values confirm it` : '';
    return suggest(header.role, header.entity, `header "${column}" matches the ${header.entity} vocabulary${agree}`);
  }
  if (contentEntity === 'DATE_OF_BIRTH') {
    return suggest('quasi_identifier', contentEntity, `${share(top![1])} of sampled values are detected as DATE_OF_BIRTH`);
  }
  if (values.length > 0) {
    const dates = values.filter((v) => !Number.isNaN(parseDay(v))).length;
    if (dates >= 0.8 * values.length) return suggest('quasi_identifier', 'DATE', `${share(dates)} of sampled values are dates`);
    const genders = values.filter((v) => GENDER_VALUES.has(v.toLowerCase())).length;
    if (genders >= 0.9 * values.length)
      return suggest('quasi_identifier', 'GENDER', `${share(genders)} of sampled values are gender values`);
    const numeric = values.every((v) => Number.isFinite(Number(v)));
    if (!numeric && values.length >= 20 && distinct >= 0.95 * values.length) {
      return suggest('direct_identifier', null, `values are nearly unique (${distinct} distinct of ${values.length}): a likely identifier`);
    }
  }
  if (freeTextPiiShare > 0) {
    return suggest('other', null, `personal data detected inside ${share(inText)} of sampled values (free text)`);
  }
  return suggest('other', null, 'no identifying header or content found');
}

function operatorFor(role: ColumnRole, entity: string | null, freeTextPiiShare: number): ColumnOperator {
  if (role === 'direct_identifier') return entity === 'STUDENT_ID' ? 'pseudonym' : 'drop';
  if (role === 'quasi_identifier') return 'generalise';
  return freeTextPiiShare > 0 ? 'redact' : 'keep';
}
