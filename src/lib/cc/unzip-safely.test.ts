import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './cartridge.types.ts';
import { readCartridge } from './read-cartridge.ts';
import { zerosZip } from './test-fixtures.ts';

const MANIFEST = strToU8('<manifest identifier="m"><metadata><schemaversion>1.3.0</schemaversion></metadata></manifest>');

describe('refusing hostile archives', () => {
  it.each([
    ['../evil.html', 'a parent-folder segment'],
    ['web/../../evil.html', 'a nested parent-folder segment'],
    ['/etc/passwd', 'an absolute path'],
    ['web\\evil.html', 'a backslash'],
    ['C:/evil.html', 'a drive letter'],
  ])('%s (%s) → PATH_TRAVERSAL', async (name) => {
    const zip = zipSync({ 'imsmanifest.xml': MANIFEST, [name]: strToU8('x') });
    await expect(readCartridge(zip)).rejects.toMatchObject({ code: 'PATH_TRAVERSAL' });
  });

  it('10,000 entries → TOO_MANY_ENTRIES', async () => {
    const many: Record<string, Uint8Array> = { 'imsmanifest.xml': MANIFEST };
    for (let i = 0; i < 10_000; i++) many[`f/${i}.txt`] = new Uint8Array(0);
    await expect(readCartridge(zipSync(many, { level: 0 }))).rejects.toMatchObject({ code: 'TOO_MANY_ENTRIES' });
  });

  describe('a 1 GB entry of zeros (about 1 MB compressed)', () => {
    it('declaring its size → ENTRY_TOO_LARGE before inflating anything', async () => {
      const zip = await zerosZip('web/zeros.bin', 1024 ** 3);
      await expect(readCartridge(zip)).rejects.toMatchObject({ code: 'ENTRY_TOO_LARGE' });
    });

    it('lying about its size → TOTAL_TOO_LARGE (zip bomb) from the bytes actually inflated, without inflating it all', async () => {
      const zip = await zerosZip('web/zeros.bin', 1024 ** 3, 1000);
      const before = process.memoryUsage().arrayBuffers;
      await expect(readCartridge(zip)).rejects.toMatchObject({ code: 'TOTAL_TOO_LARGE' });
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 1024 * 1024);
    });

    it('lying, with the ratio check off → ENTRY_TOO_LARGE once the actual bytes pass the entry limit', async () => {
      const zip = await zerosZip('web/zeros.bin', 1024 ** 3, 1000);
      await expect(readCartridge(zip, { maxCompressionRatio: Infinity, maxEntryBytes: 4 * 1024 * 1024 })).rejects.toMatchObject({
        code: 'ENTRY_TOO_LARGE',
      });
    });
  });

  it('entries each under the entry limit but together over the total → TOTAL_TOO_LARGE', async () => {
    const big = new Uint8Array(600 * 1024).map((_, i) => (i * 7919) % 251);
    const zip = zipSync({ 'imsmanifest.xml': MANIFEST, 'a.bin': big, 'b.bin': big }, { level: 0 });
    await expect(readCartridge(zip, { maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'TOTAL_TOO_LARGE',
    });
  });

  it('not a zip → NOT_A_ZIP; a zip without entries → EMPTY; without a manifest → NO_MANIFEST', async () => {
    await expect(readCartridge(strToU8('<html>not a cartridge</html>'))).rejects.toMatchObject({ code: 'NOT_A_ZIP' });
    await expect(readCartridge(zipSync({}))).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(readCartridge(zipSync({ 'index.html': strToU8('<p>x</p>') }))).rejects.toMatchObject({ code: 'NO_MANIFEST' });
  });

  it('a malformed manifest → MANIFEST_INVALID; CC 1.4 → UNSUPPORTED_VERSION; no items → EMPTY', async () => {
    await expect(readCartridge(zipSync({ 'imsmanifest.xml': strToU8('<manifest><metadata>') }))).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
    });
    const v14 = strToU8('<manifest><metadata><schemaversion>1.4.0</schemaversion></metadata></manifest>');
    await expect(readCartridge(zipSync({ 'imsmanifest.xml': v14 }))).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION' });
    await expect(readCartridge(zipSync({ 'imsmanifest.xml': MANIFEST }))).rejects.toMatchObject({ code: 'EMPTY' });
  });

  it('has defaults generous enough for a 3 MB real course', () => {
    expect(DEFAULT_LIMITS.maxTotalBytes).toBeGreaterThan(50 * 1024 * 1024);
  });
});
