import { describe, expect, it } from 'vitest';
import { detect } from './detect.ts';
import { detectRecords, detectTextStream, linesOf } from './detect-stream.ts';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('streaming detection', () => {
  const line = (i: number) => `第${i}行：家長陳大文，電話 +852 9123 ${String(1000 + i).slice(-4)}，電郵 p${i}@example.com 🎉\n`;
  const text = Array.from({ length: 400 }, (_, i) => line(i)).join('');

  it('yields the same entities, with whole-text offsets and in order, as detecting the whole text', async () => {
    const streamed = await collect(detectTextStream(chunked(text, 777), { maxBuffer: 4096 }));
    expect(streamed).toEqual(detect(text));
    for (let i = 1; i < streamed.length; i++) expect(streamed[i].start).toBeGreaterThanOrEqual(streamed[i - 1].end);
  });

  it('keeps records in input order for JSONL', async () => {
    const jsonl = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, comment: line(i) })).join('\n');
    const records = (async function* () {
      for await (const l of linesOf(chunked(jsonl, 100))) yield JSON.parse(l) as { id: number; comment: string };
    })();
    const results = await collect(detectRecords(records, (r) => r.comment));
    expect(results.map((r) => r.record.id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(results.every((r) => r.entities.length === 3)).toBe(true);
  });
});
