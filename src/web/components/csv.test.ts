import { describe, expect, it } from 'vitest';
import { csvWithBom } from './csv.ts';

describe('CSV for Excel', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Chinese names correctly', () => {
    expect(csvWithBom([['姓名'], ['陈小明']])).toBe('\uFEFF姓名\r\n陈小明\r\n');
  });

  it('quotes commas and quotes inside cells', () => {
    expect(csvWithBom([['Chan, Tai Man', 'say "hi"']])).toBe('\uFEFF"Chan, Tai Man","say ""hi"""\r\n');
  });

  it('defuses a cell that Excel would run as a formula', () => {
    expect(csvWithBom([['=HYPERLINK("http://x")']])).not.toMatch(/^\uFEFF"?=/);
  });
});
