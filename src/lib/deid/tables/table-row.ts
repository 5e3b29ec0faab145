/**
 * The common row model shared by the CSV, XLSX and JSONL readers and writers, the profiler and the
 * anonymiser. A row is a plain record from column name to a primitive cell value; nested values from
 * JSONL are kept as their JSON text so every format round-trips through the same shape.
 */
export type CellValue = string | number | boolean | Date | null;

/** One table row: column name → cell value. Missing columns read as `null`. */
export type TableRow = Record<string, CellValue>;

/** The file formats the table readers and writers understand. */
export type TableFormat = 'csv' | 'xlsx' | 'jsonl';

/** Rows given either all at once or as a (possibly asynchronous) stream. */
export type RowSource = Iterable<TableRow> | AsyncIterable<TableRow>;

/**
 * Normalises any value met in a source file to a {@link CellValue}.
 * Why: spreadsheets and JSON carry rich values (formulas, rich text, objects); downstream code only
 * has to handle primitives.
 * @example toCellValue({ richText: [{ text: '张' }, { text: '三' }] }) // → '张三'
 */
export function toCellValue(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // ExcelJS cell shapes: rich text, hyperlink, formula result, error.
    if (Array.isArray(v.richText)) return v.richText.map((p) => String((p as { text?: unknown }).text ?? '')).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return toCellValue(v.result);
    if ('error' in v) return null;
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * Renders a cell as text, the form used for dictionary keys, header matching and CSV output.
 * Dates render as ISO calendar dates when they fall on midnight UTC, else as full ISO timestamps.
 * @example cellText(new Date('2012-03-04T00:00:00Z')) // → '2012-03-04'
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/** Collects a row source into an array (for small tables and tests). */
export async function collectRows(source: RowSource): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of source as AsyncIterable<TableRow>) out.push(row);
  return out;
}
