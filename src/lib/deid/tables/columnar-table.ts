import { cellText, type CellValue, type RowSource, type TableRow } from './table-row.ts';

/**
 * A dictionary-encoded column: `codes[i]` indexes `values` for row i. Large tables are held this way
 * (4 bytes a cell plus one copy of each distinct value) instead of one object per row.
 */
export interface DictColumn {
  codes: Int32Array;
  values: CellValue[];
}

/** A column-oriented table: every column has `length` codes. */
export interface ColumnarTable {
  length: number;
  columns: string[];
  data: Map<string, DictColumn>;
}

/** Grows a dictionary-encoded column one cell at a time. */
export class DictColumnBuilder {
  private codes = new Int32Array(1024);
  private size = 0;
  readonly values: CellValue[] = [];
  private readonly index = new Map<string, number>();

  /** Appends one cell; equal values (by type and text) share a code. */
  push(value: CellValue): void {
    const key = keyOf(value);
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(key, code);
    }
    if (this.size === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = code;
  }

  get length(): number {
    return this.size;
  }

  /** Finishes the column, trimming spare capacity. */
  build(): DictColumn {
    return { codes: this.codes.slice(0, this.size), values: this.values };
  }
}

function keyOf(value: CellValue): string {
  if (value === null) return 'z';
  if (value instanceof Date) return 'd' + value.getTime();
  return (typeof value)[0] + String(value);
}

/**
 * Builds a {@link ColumnarTable} from rows, streaming: rows are consumed one by one and never retained.
 * Without `columns`, the column set is the union of keys seen (a key first seen late is back-filled null).
 * @example const table = await toColumnar(readTableFile('roster.csv'));
 */
export async function toColumnar(rows: RowSource, columns?: readonly string[]): Promise<ColumnarTable> {
  const builders = new Map<string, DictColumnBuilder>();
  const order: string[] = [];
  let length = 0;
  const ensure = (name: string) => {
    let b = builders.get(name);
    if (!b) {
      b = new DictColumnBuilder();
      for (let i = 0; i < length; i++) b.push(null);
      builders.set(name, b);
      order.push(name);
    }
    return b;
  };
  for (const c of columns ?? []) ensure(c);
  for await (const row of rows as AsyncIterable<TableRow>) {
    if (!columns) for (const k of Object.keys(row)) ensure(k);
    for (const name of order) builders.get(name)!.push(row[name] ?? null);
    length++;
  }
  const data = new Map<string, DictColumn>();
  for (const name of order) data.set(name, builders.get(name)!.build());
  return { length, columns: order, data };
}

/** Synchronous {@link toColumnar} for in-memory arrays. */
export function toColumnarSync(rows: readonly TableRow[], columns?: readonly string[]): ColumnarTable {
  const names = columns ? [...columns] : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const data = new Map<string, DictColumn>();
  for (const name of names) {
    const b = new DictColumnBuilder();
    for (const row of rows) b.push(row[name] ?? null);
    data.set(name, b.build());
  }
  return { length: rows.length, columns: names, data };
}

/**
 * Builds a column straight from an array of values (the benchmark and generators use this to skip
 * row objects entirely).
 */
export function dictColumnOf(values: ArrayLike<CellValue>): DictColumn {
  const b = new DictColumnBuilder();
  for (let i = 0; i < values.length; i++) b.push(values[i]);
  return b.build();
}

/**
 * Iterates a columnar table as rows, materialising one row object at a time (for writers). Rows whose
 * `keep` flag is 0 are skipped — that is how suppressed records leave the output.
 * @example await writeCsv(columnarRows(result.table, result.keep), result.table.columns, out);
 */
export function* columnarRows(table: ColumnarTable, keep?: Uint8Array): Generator<TableRow> {
  const cols = table.columns.map((name) => [name, table.data.get(name)!] as const);
  for (let i = 0; i < table.length; i++) {
    if (keep && keep[i] === 0) continue;
    const row: TableRow = {};
    for (const [name, col] of cols) row[name] = col.values[col.codes[i]];
    yield row;
  }
}

/** The text of one cell (`cellText` of the decoded value). */
export function cellTextAt(table: ColumnarTable, column: string, row: number): string {
  const col = table.data.get(column);
  if (!col) return '';
  return cellText(col.values[col.codes[row]]);
}
