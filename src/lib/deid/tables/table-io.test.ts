import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';
import { readJsonl } from './read-jsonl.ts';
import { readXlsx } from './read-xlsx.ts';
import { readTableFile, tableFormatOf, writeTableFile } from './table-file.ts';
import { collectRows, type TableRow } from './table-row.ts';
import { writeCsv } from './write-csv.ts';
import { writeJsonl } from './write-jsonl.ts';
import { writeXlsx } from './write-xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'edubridge-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Invented rows: no real person.
const rows: TableRow[] = [
  { 姓名: '陈小明', 年级: '初一', 备注: '喜欢"机器人", also chess', 成绩: 88 },
  { 姓名: '黃嘉欣', 年级: 'S2', 备注: '', 成绩: 92 },
];
const columns = ['姓名', '年级', '备注', '成绩'];

async function capture(write: (sink: PassThrough) => Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await write(sink);
  return Buffer.concat(chunks);
}

describe('table readers and writers', () => {
  it('round-trips Chinese text, quotes and commas through CSV with a BOM for Excel', async () => {
    const bytes = await capture((sink) => writeCsv(rows, columns, sink));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = await collectRows(readCsv(bytes));
    expect(back).toEqual([
      { 姓名: '陈小明', 年级: '初一', 备注: '喜欢"机器人", also chess', 成绩: '88' },
      { 姓名: '黃嘉欣', 年级: 'S2', 备注: '', 成绩: '92' },
    ]);
  });

  it('decodes a GB18030 CSV as saved by Excel on a mainland computer', async () => {
    const text = '姓名,地区\r\n李华,天河区\r\n';
    const gb = Buffer.from(new Uint8Array([...encodeGb(text)]));
    const back = await collectRows(readCsv(gb, { encoding: 'gb18030' }));
    expect(back).toEqual([{ 姓名: '李华', 地区: '天河区' }]);
  });

  it('round-trips JSON Lines and rejects a line that is not an object', async () => {
    const bytes = await capture((sink) => writeJsonl(rows, sink, columns));
    expect(await collectRows(readJsonl(bytes.toString('utf8')))).toEqual(rows);
    await expect(collectRows(readJsonl('{"a":1}\n[1,2]\n'))).rejects.toThrow(/line 2/);
  });

  it('round-trips XLSX through the streaming writer and reader, keeping numbers as numbers', async () => {
    const bytes = await capture((sink) => writeXlsx(rows, columns, sink));
    const back = await collectRows(readXlsx(new PassThrough().end(bytes)));
    expect(back[0]).toMatchObject({ 姓名: '陈小明', 年级: '初一', 成绩: 88 });
    expect(back[1]).toMatchObject({ 姓名: '黃嘉欣', 成绩: 92 });
  });

  it('reads and writes files by extension', async () => {
    for (const ext of ['csv', 'jsonl', 'xlsx']) {
      const path = join(dir, `out.${ext}`);
      await writeTableFile(path, rows, columns);
      const back = await collectRows(readTableFile(path));
      expect(back.map((r) => r['姓名'])).toEqual(['陈小明', '黃嘉欣']);
    }
    expect(() => tableFormatOf('x.pdf')).toThrow(/unknown table format/);
  });
});

/** Encodes the few characters used above to GB18030 via a lookup (Node has no GB encoder built in). */
function* encodeGb(text: string): Generator<number> {
  const table: Record<string, number[]> = {
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    地: [0xb5, 0xd8],
    区: [0xc7, 0xf8],
    李: [0xc0, 0xee],
    华: [0xbb, 0xaa],
    天: [0xcc, 0xec],
    河: [0xba, 0xd3],
  };
  for (const ch of text) {
    if (table[ch]) yield* table[ch];
    else yield ch.charCodeAt(0);
  }
}
