import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cartridge } from './cartridge.types.ts';
import { readCartridge } from './read-cartridge.ts';
import { fixturesDir } from './test-fixtures.ts';
import { writeCartridge } from './write-cartridge.ts';

const XMLLINT = '/usr/bin/xmllint';
const dir = fixturesDir();
const tmp = mkdtempSync(path.join(tmpdir(), 'cc-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = new Map<string, Uint8Array>([
  ['資料/第一課 人工智能.html', strToU8('<p>附件：課堂筆記</p>')],
  ['圖片/機械人 1.png', new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])],
  ['worksheets/ai-ethics.pdf', strToU8('%PDF-1.4 invented')],
]);

/** An invented trilingual course; page HTML is already in the sanitised form the reader produces. */
const course: Cartridge = {
  title: '人工智能入門（三地共建）',
  description: '南沙、九龍與澳門三校共同編寫 & 共享',
  language: 'zh-Hant',
  identifier: 'course_0193',
  // Structured data beyond CC (extension-data.ts): it must survive the round trip and keep the manifest valid.
  data: { gradeBand: 'junior', grades: [7, 8], note: 'a ]]> b & <c>' },
  units: [
    {
      title: '第一單元：認識人工智能',
      items: [
        {
          kind: 'page',
          title: '第一課 人工智能',
          html: '<h2>第一課</h2><p>人工智能 &amp; 機器學習</p><p><img src="圖片/機械人 1.png" alt="機械人" /></p><p><a href="資料/第一課 人工智能.html">課堂筆記</a></p>',
          data: {
            objectives: [{ text: '說出「機器學習」的意思', competencies: ['ai-techniques-and-applications/understand'] }],
            durationMinutes: 40,
          },
        },
        { kind: 'file', title: '工作紙', path: 'worksheets/ai-ethics.pdf' },
        { kind: 'link', title: '維基百科：人工智能', url: 'https://zh.wikipedia.org/wiki/人工智能' },
        { kind: 'lti', title: '編程工具', url: 'https://tool.example.org/launch?course=1' },
        { kind: 'discussion', title: '討論：AI 與私隱', html: '<p>你怎樣看？</p>' },
      ],
    },
    { title: 'Unit 2: Machine learning', items: [{ kind: 'page', title: 'Lesson 2 / Data', html: '<p>Data &lt;3</p>' }] },
    { title: '空單元', items: [] },
  ],
};

describe('writeCartridge', () => {
  it.skipIf(!dir)('writes a CC 1.1 manifest that validates against the IMS CC 1.1 schemas', async (ctx) => {
    if (!existsSync(XMLLINT)) {
      console.warn(`\n⚠️  ${XMLLINT} not found — CC 1.1 schema validation SKIPPED (apt-get install libxml2-utils)\n`);
      ctx.skip();
    }
    const zip = unzipSync(await writeCartridge(course, files, { version: '1.1' }));
    const manifest = path.join(tmp, 'imsmanifest.xml');
    writeFileSync(manifest, zip['imsmanifest.xml']);
    const schema = path.join(dir!, 'schemas/ccv1p1/cc11libxml2validator.xsd');
    // Throws (and fails the test) with xmllint's messages when the manifest is invalid.
    execFileSync(XMLLINT, ['--noout', '--schema', schema, manifest], { stdio: 'pipe' });
    expect(new TextDecoder().decode(zip['imsmanifest.xml'])).toContain('<schemaversion>1.1.0</schemaversion>');
  });

  it.each(['1.3', '1.1'] as const)('CC %s: write → read gives back the same course and files', async (version) => {
    const { cartridge, files: back, warnings } = await readCartridge(await writeCartridge(course, files, { version }));
    expect(cartridge).toEqual(course);
    expect(back).toEqual(files);
    expect(warnings).toEqual([]);
  });

  it('declares CC 1.3 and stores Chinese names as UTF-8 paths', async () => {
    const zip = unzipSync(await writeCartridge(course, files, { version: '1.3' }));
    const manifest = new TextDecoder().decode(zip['imsmanifest.xml']);
    expect(manifest).toContain('xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"');
    expect(manifest).toContain('<schemaversion>1.3.0</schemaversion>');
    // The extension file is a resource no item points at, typed as Canvas types its course settings.
    expect(manifest).toContain('type="associatedcontent/imscc_xmlv1p3/learning-application-resource"');
    expect(new TextDecoder().decode(zip['extensions/edubridge-data.xml'])).toContain('xmlns="urn:edubridge:cc-data:v1"');
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining(['pages/第一課 人工智能.html', '資料/第一課 人工智能.html', 'pages/Lesson 2 _ Data.html']),
    );
  });

  it('renames unsafe or clashing file keys instead of writing them as they are', async () => {
    const risky = new Map([
      ['../evil.txt', strToU8('a')],
      ['C:/x/nul.txt', strToU8('b')],
      ['IMSMANIFEST.XML', strToU8('c')],
    ]);
    const zip = unzipSync(
      await writeCartridge({ title: 't', units: [{ title: 'u', items: [{ kind: 'page', title: 'p', html: '<p>x</p>' }] }] }, risky, {
        version: '1.3',
      }),
    );
    const names = Object.keys(zip);
    expect(names.every((n) => !n.includes('..') && !n.includes(':') && !n.startsWith('/'))).toBe(true);
    expect(names.filter((n) => n.toLowerCase() === 'imsmanifest.xml')).toEqual(['imsmanifest.xml']);
    expect(names).toEqual(expect.arrayContaining(['files/evil.txt', 'files/_nul.txt', 'files/IMSMANIFEST.XML']));
  });
});
