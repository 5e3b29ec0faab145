import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { cellText, type RowSource } from './table-row.ts';

/**
 * Streams rows as JSON Lines. With `columns` only those keys are written, in that order; dates are written
 * as ISO text (JSON has no date type), everything else as is.
 * @example await writeJsonl(rows, fs.createWriteStream('out.jsonl'), ['age', 'gender']);
 */
export async function writeJsonl(rows: RowSource, sink: Writable, columns?: readonly string[]): Promise<void> {
  async function* lines() {
    for await (const row of rows as AsyncIterable<Record<string, unknown>>) {
      const out: Record<string, unknown> = {};
      for (const c of columns ?? Object.keys(row)) {
        const v = row[c] ?? null;
        out[c] = v instanceof Date ? cellText(v) : v;
      }
      yield JSON.stringify(out) + '\n';
    }
  }
  await pipeline(Readable.from(lines()), sink);
}
