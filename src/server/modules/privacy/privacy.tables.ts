import { PassThrough, Readable } from 'node:stream';
import { readCsv } from '../../../lib/deid/tables/read-csv.ts';
import { readJsonl } from '../../../lib/deid/tables/read-jsonl.ts';
import { readXlsx } from '../../../lib/deid/tables/read-xlsx.ts';
import { writeCsv } from '../../../lib/deid/tables/write-csv.ts';
import { writeJsonl } from '../../../lib/deid/tables/write-jsonl.ts';
import { writeXlsx } from '../../../lib/deid/tables/write-xlsx.ts';
import { parseDay, parseNumber } from '../../../lib/deid/tables/quasi-encoding.ts';
import type { ColumnProfile } from '../../../lib/deid/tables/profile-columns.ts';
import type { ColumnPolicy, TablePolicy } from '../../../lib/deid/tables/table-policy.ts';
import type { RowSource, TableRow } from '../../../lib/deid/tables/table-row.ts';
import { AppError } from '../../http/app-error.ts';

/** Table files held in memory (uploads and outputs are bounded by the upload limit). */
export type TableFormat = 'csv' | 'xlsx' | 'jsonl';

/** The format of an uploaded file, from its name. */
export function formatOfFilename(filename: string): TableFormat {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  throw new AppError('PRIVACY_FORMAT_UNKNOWN');
}

/** Streams the rows of stored bytes. */
export function rowsOf(bytes: Buffer, format: TableFormat): AsyncGenerator<TableRow> {
  if (format === 'xlsx') return readXlsx(Readable.from([bytes]));
  if (format === 'jsonl') return readJsonl(Readable.from([bytes]));
  return readCsv(bytes);
}

/** Writes rows to bytes in the given format (CSV with a BOM so Excel opens Chinese text). */
export async function bytesOf(rows: RowSource, columns: readonly string[], format: TableFormat): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer | string) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c)));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  if (format === 'xlsx') await writeXlsx(rows, columns, sink);
  else if (format === 'jsonl') await writeJsonl(rows, sink, columns);
  else await writeCsv(rows, columns, sink);
  if (!sink.writableEnded) sink.end();
  await done;
  return Buffer.concat(chunks);
}

/** The first `n` rows (for previews). */
export async function firstRows(rows: AsyncIterable<TableRow>, n: number): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const r of rows) {
    out.push(r);
    if (out.length >= n) break;
  }
  return out;
}

const MS_PER_YEAR = 365.2425 * 86_400_000;

export interface TableScan {
  rowCount: number;
  columns: string[];
  /** An age column holds a value under 14, or a birth-date column a date less than 14 years ago. */
  containsChildren: boolean;
}

/**
 * One pass over every row: counts rows, collects columns, and looks for children under 14 in the columns
 * the profiler took for ages and birth dates (PIPL art. 28: their data is sensitive personal information).
 */
export async function scanTable(
  rows: AsyncIterable<TableRow>,
  profile: readonly Pick<ColumnProfile, 'column' | 'entity'>[],
  now = new Date(),
): Promise<TableScan> {
  const ages = profile.filter((p) => p.entity === 'AGE').map((p) => p.column);
  const births = profile.filter((p) => p.entity === 'DATE_OF_BIRTH').map((p) => p.column);
  const columns: string[] = [];
  const seen = new Set<string>();
  let rowCount = 0;
  let containsChildren = false;
  const nowDays = now.getTime() / 86_400_000;
  for await (const row of rows) {
    rowCount++;
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
    if (containsChildren) continue;
    for (const c of ages) {
      const age = parseNumber(row[c] ?? null);
      if (Number.isFinite(age) && age >= 0 && age < 14) containsChildren = true;
    }
    for (const c of births) {
      const day = parseDay(row[c] ?? null);
      if (Number.isFinite(day) && ((nowDays - day) * 86_400_000) / MS_PER_YEAR < 14) containsChildren = true;
    }
  }
  return { rowCount, columns, containsChildren };
}

/**
 * The operators a steward starts from: the profiler's suggestion per column, made concrete (how to
 * generalise an age, a date, a district, a grade), with k from the jurisdiction's policy.
 * @example suggestTablePolicy(profile, { k: 10 }).columns['年龄'] // { operator: 'generalise', kind: 'number', band: 5 }
 */
export function suggestTablePolicy(
  profile: readonly Pick<ColumnProfile, 'column' | 'role' | 'entity' | 'suggestedOperator'>[],
  opts: { k: number },
): TablePolicy {
  const columns: Record<string, ColumnPolicy> = {};
  for (const p of profile) columns[p.column] = suggestColumn(p);
  const hasQuasi = Object.values(columns).some((c) => c.operator === 'generalise');
  return { columns, ...(hasQuasi ? { k: opts.k } : {}) };
}

function suggestColumn(p: Pick<ColumnProfile, 'role' | 'entity' | 'suggestedOperator'>): ColumnPolicy {
  const role = p.role;
  switch (p.suggestedOperator) {
    case 'pseudonym':
      return { role, operator: 'pseudonym', entity: p.entity && /^[A-Z][A-Z0-9_]*$/.test(p.entity) ? p.entity : 'ID' };
    case 'generalise':
      if (p.entity === 'AGE') return { role, operator: 'generalise', kind: 'number', band: 5 };
      if (p.entity === 'ENROLMENT_YEAR') return { role, operator: 'generalise', kind: 'number', band: 2 };
      if (p.entity === 'DATE_OF_BIRTH' || p.entity === 'DATE') return { role, operator: 'generalise', kind: 'date', band: 'month' };
      if (p.entity === 'GEOGRAPHY') return { role, operator: 'generalise', kind: 'tree', hierarchy: 'gba-geography' };
      if (p.entity === 'GRADE_LEVEL') return { role, operator: 'generalise', kind: 'tree', hierarchy: 'grade' };
      return { role, operator: 'generalise', kind: 'tree', hierarchy: 'flat' };
    case 'redact':
      return { role, operator: 'redact', mode: 'spans' };
    case 'mask':
      return { role, operator: 'mask', keepStart: 0, keepEnd: 2 };
    case 'keep':
      return { role, operator: 'keep' };
    default:
      return { role, operator: 'drop' };
  }
}
