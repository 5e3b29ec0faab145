import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CartridgeItem, type ReadResult } from './cartridge.types.ts';
import { readCartridge } from './read-cartridge.ts';
import { fixturesDir } from './test-fixtures.ts';

const dir = fixturesDir();
const read = (name: string) => readCartridge(new Uint8Array(readFileSync(path.join(dir!, name))));
const items = (r: ReadResult): CartridgeItem[] => r.cartridge.units.flatMap((u) => u.items);
const count = (r: ReadResult, kind: CartridgeItem['kind']) => items(r).filter((i) => i.kind === kind).length;
const codes = (r: ReadResult) => r.warnings.map((w) => w.code);

describe.skipIf(!dir)('reading the real cartridges in shared/fixtures/imscc', () => {
  it('canvas_small_1.1: all content kinds, with the missing weblink, duplicate id and macOS junk handled', async () => {
    const r = await read('canvas_small_1.1.imscc');
    expect(r.cartridge.title).toBe('Common Cartridge Test Data Set - Validation Cartridge 1');
    expect(r.cartridge.description).toBe('Sample materials to test a variety of Common Cartridge content types');
    expect(r.cartridge.units.map((u) => u.title)).toEqual(['Your Mom, Research, & You', 'Attachment module', 'Misc Module']);
    expect(r.cartridge.units.map((u) => u.items.length)).toEqual([4, 3, 5]);
    // Deeper folders are flattened with their titles kept as a prefix.
    expect(r.cartridge.units[0].items[1]).toEqual({
      kind: 'unsupported',
      title: 'Study Guide › Pretest',
      type: 'imsqti_xmlv1p2/imscc_xmlv1p1/assessment',
    });
    expect(r.cartridge.units[1].items.map((i) => i.title)).toEqual([
      'Super exciting!',
      'Sub-Folder › Assignment 1',
      'Sub-Folder › Sub-Folder 2 › Assignment 2',
    ]);
    expect(r.cartridge.units[2].items[1]).toEqual({ kind: 'unsupported', title: 'Non-existent reference', type: 'imswl_xmlv1p1' });
    expect(r.cartridge.units[2].items[3]).toEqual({
      kind: 'lti',
      title: 'BLTI Test',
      url: 'http://www.imsglobal.org/developers/BLTI/tool.php',
    });
    const page = r.cartridge.units[0].items[0];
    expect(page.kind).toBe('page');
    expect(page.kind === 'page' && page.html).toContain('<p>');
    expect(codes(r)).toEqual(expect.arrayContaining(['DUPLICATE_IDENTIFIER', 'MISSING_FILE', 'UNSUPPORTED_TYPE']));
    expect([...r.files.keys()].some((p) => p.includes('__MACOSX') || p.endsWith('.DS_Store'))).toBe(false);
    expect(r.files.has('f3/f3.jpg')).toBe(true);
  });

  it('canvas_small_1.1.corrupt: reads what is there, every missing file a warning and a placeholder', async () => {
    const r = await read('canvas_small_1.1.corrupt.imscc');
    expect(r.cartridge.units.map((u) => u.items.length)).toEqual([4, 3, 5]);
    expect(count(r, 'page')).toBe(0);
    expect(count(r, 'unsupported')).toBe(8);
    expect(codes(r).filter((c) => c === 'MISSING_FILE').length).toBe(7);
    expect(r.files.size).toBe(0);
  });

  it('canvas_large_1.3: Canvas modules, dangling references kept as placeholders, quizzes as unsupported', async () => {
    const r = await read('canvas_large_1.3.imscc');
    expect(r.cartridge.title).toBe('Loaded Course');
    expect(r.cartridge.units.map((u) => u.title)).toEqual(['Example Course Module', 'Example, Locked Module']);
    expect(items(r).length).toBe(11);
    expect(items(r).find((i) => i.title === 'lorcrux')).toEqual({ kind: 'unsupported', title: 'lorcrux', type: 'missing' });
    expect(items(r).find((i) => i.title === 'Google')).toMatchObject({ kind: 'link' });
    expect(codes(r).filter((c) => c === 'DANGLING_REFERENCE').length).toBe(2);
    expect(codes(r)).toContain('EMPTY_ITEM'); // "Text Header Example"
    const simpson = items(r).find((i) => i.title === 'math_Simpson.jpg');
    expect(simpson?.kind).toBe('file');
    expect(r.files.get(simpson?.kind === 'file' ? simpson.path : '')?.length).toBeGreaterThan(0);
  });

  it('allyworkshop (3 MB, CC 1.3): pages, discussions, and its files under web_resources', async () => {
    const r = await read('allyworkshop.imscc');
    expect(r.cartridge.title).toBe('Ally: Accessibility Workshop');
    expect(r.cartridge.units.length).toBe(4);
    expect(r.cartridge.units[0].title).toBe('Part 1: Overview: Accessibility and ALLY');
    expect(count(r, 'page')).toBe(6);
    expect(count(r, 'discussion')).toBe(3);
    const faq = items(r).find((i) => i.title === 'Accessibility FAQ');
    expect(faq?.kind === 'page' && faq.html).toContain('<h1>Accessibility FAQs</h1>');
    expect(faq?.kind === 'page' && faq.html).not.toMatch(/<script|<style/);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'DANGLING_REFERENCE', subject: 'Badge: ALLY Badge' })]);
    expect(r.files.has('web_resources/Course Files/Images/Ally Logo Image.png')).toBe(true);
  });

  it('Thin CC (BOM, lomm: prefixes): one weblink, title entities decoded', async () => {
    const r = await read('ThinCC_SU21_IM-UH_1011_AD_001_202242408.imscc');
    expect(r.cartridge.title).toBe('Communications Lab, Section 001');
    expect(r.cartridge.language).toBe('en-US');
    expect(r.cartridge.units).toEqual([
      { title: 'Unit 1', items: [{ kind: 'link', title: 'Lesson 1 › i <3 ffmpeg', url: expect.stringMatching(/^https?:/) }] },
    ]);
  });

  it('py4e (Tsugi): 17 units of weblinks and LTI links', async () => {
    const r = await read('py4e_export.imscc');
    expect(r.cartridge.title).toBe('Python for Everybody import');
    expect(r.cartridge.units.length).toBe(17);
    expect(r.cartridge.units[0].title).toBe('Installing Python');
    expect(count(r, 'link')).toBe(131);
    expect(count(r, 'lti')).toBe(58);
    expect(r.warnings).toEqual([]);
  });

  it('offline_content_module (CC 1.0) is read, not refused: 31 pages', async () => {
    const r = await read('offline_content_module_live80.v1321.imscc');
    expect(r.cartridge.title).toBe('Empty Title');
    expect(r.cartridge.description).toBe('Empty Description');
    expect(count(r, 'page')).toBe(31);
  });

  it('dbc_course (mnf:/res: prefixes, deep board nesting, an empty title)', async () => {
    const r = await read('dbc_course.imscc');
    expect(r.cartridge.title).toBe('Test Kurs');
    expect(r.cartridge.units.map((u) => u.title)).toEqual(['Test Thema', 'Test Aufgabe', 'Spaltenboard 1']);
    expect(r.cartridge.units[2].items.map((i) => i.title)).toEqual([
      'Spalte 1 › Karte 1 › Karteninhalt von Karte 1...',
      'Spalte 2 › Karte 2 › Example Domain',
      'Spalte 3 › Karte 3',
    ]);
    expect(count(r, 'page')).toBe(3);
    expect(codes(r)).toEqual(['EMPTY_ITEM']);
  });

  it('cc2olx corner cases: a .txt becomes a file, the missing page and unknown types become placeholders', async () => {
    const r = await read('cc2olx_corner_cases.imscc');
    expect(r.cartridge.units[0].title).toBe('Wild animals world');
    expect(r.cartridge.units[0].items.map((i) => i.kind)).toEqual(['unsupported', 'unsupported', 'unsupported', 'file', 'unsupported']);
    expect(r.cartridge.units[0].items[3]).toMatchObject({ path: 'web_resources/survival_strategies.txt' });
    expect(r.files.has('web_resources/survival_strategies.txt')).toBe(true);
    expect(codes(r).sort()).toEqual(['MISSING_FILE', 'UNSUPPORTED_TYPE', 'UNSUPPORTED_TYPE', 'UNSUPPORTED_TYPE']);
  });

  it('a file that is not a zip (the fixtures README) is refused with NOT_A_ZIP', async () => {
    await expect(readCartridge(new Uint8Array(readFileSync(path.join(dir!, 'README.md'))))).rejects.toMatchObject({ code: 'NOT_A_ZIP' });
  });
});
