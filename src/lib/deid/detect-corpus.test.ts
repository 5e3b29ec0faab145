/**
 * A guard for refactoring the engine: detection output on a fixed sample of the benchmark corpus
 * (`bench/deid/corpus.jsonl`, every 6th document) is pinned in a snapshot. A speed change must leave it
 * untouched; a deliberate change of behaviour updates it (`npx vitest run src/lib/deid/detect-corpus -u`)
 * and the diff shows, document by document, what moved.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from './detect.ts';

const corpus = readFileSync(new URL('../../../bench/deid/corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; text: string });

describe('detection output on the benchmark corpus', () => {
  it('stays exactly the same (types, offsets, scores, detectors) on a sample of 200 documents', () => {
    const sample = corpus.filter((_, i) => i % 6 === 0);
    const output = sample.map((doc) => ({
      id: doc.id,
      spans: detect(doc.text).map((e) => `${e.type} ${e.start}-${e.end} ${e.score} ${e.detector} «${doc.text.slice(e.start, e.end)}»`),
    }));
    expect(output).toMatchSnapshot();
  });
});

describe('detection output on the whole benchmark corpus', () => {
  // The guard for restructuring the scan (one shared tokenising pass feeding every recogniser): all 1,200
  // documents, one compact line each, in a file snapshot. Offsets, scores and detectors must not move.
  it('stays exactly the same on all 1,200 documents', async () => {
    const lines = corpus.map(
      (doc) =>
        `${doc.id}\t${detect(doc.text)
          .map((e) => `${e.type} ${e.start}-${e.end} ${e.score} ${e.detector}`)
          .join(' | ')}`,
    );
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/corpus-output.txt');
  });
});
