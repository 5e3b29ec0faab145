import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { toCellValue, type TableRow } from './table-row.ts';

/**
 * Streams JSON Lines (one JSON object per line) as {@link TableRow}s; blank lines are skipped and nested
 * values are kept as JSON text. A malformed line throws with its line number.
 * @example for await (const row of readJsonl(fs.createReadStream('rows.jsonl'))) …
 */
export async function* readJsonl(input: Readable | AsyncIterable<Uint8Array | string> | string): AsyncGenerator<TableRow> {
  const source = typeof input === 'string' ? Readable.from([input]) : Readable.from(input);
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`JSONL line ${n} is not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(`JSONL line ${n} is not a JSON object`);
    }
    const row: TableRow = {};
    for (const [k, v] of Object.entries(value)) row[k] = toCellValue(v);
    yield row;
  }
}
