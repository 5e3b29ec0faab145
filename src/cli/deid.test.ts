import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_COLUMNS, syntheticStudentRows } from '../lib/deid/tables/synthetic-students.ts';
import { writeTableFile } from '../lib/deid/tables/table-file.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * Each run starts a fresh Node that compiles the CLI and loads the word lists: seconds on an idle machine,
 * minutes on a loaded CI box. Generous on purpose — this suite checks behaviour, never speed.
 */
const CLI_TEST_TIMEOUT = 600_000;

/** `edubridge deid …` as an analyst runs it: a child process, no database, no data dir. */
function deid(args: string[], input?: string) {
  return spawnSync(process.execPath, ['bin/edubridge.js', 'deid', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 300_000 });
}

describe('edubridge deid', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'eb-deid-'));
  const data = path.join(dir, 'data.csv');

  beforeAll(async () => {
    await writeTableFile(data, syntheticStudentRows(600, 11), SYNTHETIC_COLUMNS);
  });

  it(
    'detect reads JSONL {id,text} from stdin and writes {id,entities} lines to stdout',
    () => {
      const r = deid(['detect'], '{"id":"a","text":"家長陳大文，電話 +852 9123 4567"}\n{"id":"b","text":"今天天气很好"}\n');
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        {
          id: 'a',
          entities: [
            { type: 'PERSON', start: 2, end: 5, score: 1 },
            { type: 'PHONE', start: 9, end: 23, score: 1 },
          ],
        },
        { id: 'b', entities: [] },
      ]);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'detect reads and writes files, in text and CSV formats too',
    () => {
      const text = path.join(dir, 'note.txt');
      writeFileSync(text, '第一行没有\n请致电 13800138000 联系班主任\n');
      const out = path.join(dir, 'note.jsonl');
      expect(deid(['detect', '--in', text, '--format', 'text', '--out', out]).status).toBe(0);
      const [e] = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(e).toMatchObject({ type: 'PHONE', start: 10, end: 21 });
      const csv = path.join(dir, 'notes.csv');
      writeFileSync(csv, 'id,comment\nr1,联系电话 13800138000\nr2,表现良好\n');
      const rows = deid(['detect', '--in', csv])
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows[0]).toMatchObject({ id: 'r1', entities: [{ column: 'comment', type: 'PHONE' }] });
      expect(rows[1]).toEqual({ id: 'r2', entities: [] });
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'apply de-identifies a table with the example policy and writes a report; risk measures the output',
    () => {
      const out = path.join(dir, 'out.csv');
      const report = path.join(dir, 'report.json');
      const secret = path.join(dir, 'secret.key');
      writeFileSync(secret, 'an-invented-agreement-secret-of-32b');
      const r = deid([
        'apply',
        '--in',
        data,
        '--policy',
        'docs/examples/deid-policy.yaml',
        '--out',
        out,
        '--report',
        report,
        '--secret-file',
        secret,
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/de-identified 600 records/);
      const rows = parse(readFileSync(out), { columns: true, bom: true }) as Record<string, string>[];
      expect(Object.keys(rows[0])).not.toContain('姓名');
      expect(rows[0]['学号']).toMatch(/^STUDENT_ID_/);
      const rep = JSON.parse(readFileSync(report, 'utf8'));
      expect(rep).toMatchObject({ records: 600, dropped: ['姓名'], k: 5 });
      expect(rep.risk.smallestClass).toBeGreaterThanOrEqual(5);

      const risk = deid(['risk', '--in', out, '--quasi', '年龄,性别,出生日期,地区,年级', '--k', '5']);
      expect(risk.status, risk.stderr).toBe(0);
      expect(JSON.parse(risk.stdout)).toMatchObject({ records: 600, recordsBelowK: 0 });
      expect(risk.stderr).toMatch(/smallest class \d+/);
      // The raw file, by contrast, is mostly unique on the same columns.
      expect(JSON.parse(deid(['risk', '--in', data, '--quasi', '年龄,性别,出生日期,地区,年级']).stdout).maxRisk).toBe(1);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'apply refuses an invalid policy with a message and exit code 1',
    () => {
      const bad = path.join(dir, 'bad.yaml');
      writeFileSync(bad, 'columns:\n  姓名: { role: direct_identifier, operator: shred }\n');
      const r = deid(['apply', '--in', data, '--policy', bad, '--out', path.join(dir, 'x.csv')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('invalid policy');
    },
    CLI_TEST_TIMEOUT,
  );
});
