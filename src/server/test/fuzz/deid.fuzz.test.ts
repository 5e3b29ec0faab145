import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CsvError } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise, maskValue, type Operator } from '../../../lib/deid/anonymise.ts';
import { detect } from '../../../lib/deid/detect.ts';
import { readCsv } from '../../../lib/deid/tables/read-csv.ts';
import { anyText, csvText } from './arbitraries.ts';
import { fuzzOptions, fuzzTimeout } from './fuzz.support.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

const OPERATORS: Operator[] = [
  { kind: 'redact' },
  { kind: 'mask', keepEnd: 4 },
  { kind: 'placeholder' },
  { kind: 'pseudonym' },
  { kind: 'generalise' },
  { kind: 'encrypt' },
  { kind: 'drop' },
  { kind: 'keep' },
];
const CONTEXT = { pseudonymKey: 'fuzz-agreement-secret-0123456789', encryptionKey: new Uint8Array(randomBytes(32)) };

/** Free text as it arrives in comments and notes: hostile Unicode around things that look like PII. */
const noteText = fc.oneof(
  anyText(300),
  fc.array(anyText(40), { maxLength: 6 }).map((parts) => parts.join('家长陈大文 电话13800138000 身份证440106200901011234 ')),
);

describe('fuzz: de-identification (src/lib/deid detect/anonymise, the `edubridge deid` CSV path)', () => {
  it(
    'detect finds spans inside the text, in order and not overlapping, for any Unicode',
    () => {
      fc.assert(
        fc.property(noteText, (text) => {
          const entities = detect(text);
          let cursor = 0;
          for (const e of entities) {
            expect(e.start).toBeGreaterThanOrEqual(cursor);
            expect(e.end).toBeGreaterThan(e.start);
            expect(e.end).toBeLessThanOrEqual(text.length);
            expect(e.score).toBeGreaterThanOrEqual(0);
            expect(e.score).toBeLessThanOrEqual(1);
            cursor = e.end;
          }
        }),
        fuzzOptions(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'anonymise with any operator keeps its map of replacements true to the output text',
    () => {
      fc.assert(
        fc.property(noteText, fc.constantFrom(...OPERATORS), (text, op) => {
          const entities = detect(text);
          const result = anonymise(text, entities, { default: op }, CONTEXT);
          expect(result.items).toHaveLength(entities.length);
          for (const item of result.items) {
            if (op.kind !== 'keep') expect(result.text.slice(item.outStart, item.outEnd)).toBe(item.replacement);
            // What was found is gone from its place unless the operator keeps it.
            if (op.kind !== 'keep' && op.kind !== 'generalise')
              expect(result.text.slice(item.outStart, item.outEnd)).not.toBe(text.slice(item.start, item.end));
          }
        }),
        fuzzOptions(300),
      );
    },
    fuzzTimeout(),
  );

  it('masking never gives back a short value whole (found by this suite: keepEnd 4 on a 3-character name)', () => {
    expect(maskValue('陈大文', 0, 4)).toBe('***');
    expect(maskValue('李四', 1, 1)).toBe('**');
    expect(maskValue('138-1234-5678', 0, 4)).toBe('***-****-5678');
  });

  it(
    'the CSV reader of `edubridge deid` yields rows keyed by the header or fails with a CSV error, never anything else',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvText([['id', '姓名', '电话', '备注']]), async (text) => {
          try {
            for await (const row of readCsv(text)) {
              for (const value of Object.values(row)) detect(String(value ?? ''));
            }
          } catch (e) {
            expect(e, String(e)).toBeInstanceOf(CsvError);
          }
        }),
        fuzzOptions(200),
      );
    },
    fuzzTimeout(),
  );

  it('`edubridge deid detect --format csv` answers one line per row, or one error line and exit status 1', () => {
    const sample = fc.sample(csvText([['id', '姓名', '电话', '备注']]), { numRuns: 6, seed: 12 });
    const dir = mkdtempSync(path.join(tmpdir(), 'eb-fuzz-deid-'));
    const good = path.join(dir, 'notes.csv');
    // Quoted cells keep any Unicode readable; the file is as large as the sample makes it.
    const rows = sample.flatMap((s) => s.split(/\r\n|\n|\r/).slice(1)).filter((l) => l.startsWith('"'));
    writeFileSync(good, ['id,姓名,电话,备注', ...rows.map((_, i) => `"r${i}","陈大文","13800138000","${'备注'.repeat(i)}"`)].join('\n'));
    const bad = path.join(dir, 'broken.csv');
    writeFileSync(bad, 'id,备注\n1,"未闭合的引号\n2,ok\n');
    const cli = (file: string) =>
      spawnSync(process.execPath, ['bin/edubridge.js', 'deid', 'detect', '--in', file, '--format', 'csv'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 300_000,
      });
    const ok = cli(good);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(rows.length);
    const refused = cli(bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^edubridge deid: /);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  }, 600_000);
});
