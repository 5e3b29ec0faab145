import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import type { Cartridge } from '../../src/lib/cc/cartridge.types.ts';
import { readCartridge } from '../../src/lib/cc/read-cartridge.ts';
import { writeCartridge } from '../../src/lib/cc/write-cartridge.ts';
import { ROOT } from '../support.ts';

/**
 * IMS Common Cartridge import/export speed: reading two real Canvas exports against a bare `unzipSync` of
 * the same archive (the floor: what unpacking alone costs), and writing an invented 200-lesson course.
 * Figures only; never fails. Skips the fixtures when ../shared/fixtures/imscc is absent.
 */
const FIXTURES = process.env.EDUBRIDGE_FIXTURES_DIR ?? path.resolve(ROOT, '../shared/fixtures/imscc');
const ROUNDS = 5;

async function timeMs(fn: () => unknown): Promise<number> {
  await fn(); // warm-up
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) await fn();
  return (performance.now() - started) / ROUNDS;
}

const mbPerS = (bytes: number, ms: number) => Number((bytes / 1024 / 1024 / (ms / 1000)).toFixed(1));

function inventedCourse(lessons: number): { cartridge: Cartridge; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const units: Cartridge['units'] = [];
  for (let u = 0; u < lessons / 10; u++) {
    const items: Cartridge['units'][number]['items'] = [];
    for (let l = 0; l < 10; l++) {
      const n = u * 10 + l + 1;
      const image = `圖片/第${n}課 示意圖.png`;
      files.set(
        image,
        new Uint8Array(20_000).map((_, i) => (i * n) % 256),
      );
      const paragraphs = Array.from(
        { length: 20 },
        (_, p) => `<p>第${n}課第${p + 1}段：學生用機器學習分類校園植物的照片，並討論數據偏差。</p>`,
      ).join('');
      items.push({
        kind: 'page',
        title: `第${n}課 人工智能`,
        html: `<h2>第${n}課</h2>${paragraphs}<p><img src="${image}" alt="示意圖" /></p>`,
      });
    }
    units.push({ title: `第${u + 1}單元`, items });
  }
  return { cartridge: { title: '人工智能課程（基準）', language: 'zh-Hant', units }, files };
}

export async function run(): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const name of ['allyworkshop.imscc', 'canvas_large_1.3.imscc']) {
    const file = path.join(FIXTURES, name);
    if (!existsSync(file)) {
      console.warn(`⚠️  ${file} not found — skipped`);
      continue;
    }
    const zip = new Uint8Array(readFileSync(file));
    const readMs = await timeMs(() => readCartridge(zip));
    const unzipMs = await timeMs(() => unzipSync(zip));
    const key = name.replace(/\.imscc$/, '').replace(/[^a-z0-9]+/gi, '_');
    result[key] = {
      zipBytes: zip.length,
      readMs: Number(readMs.toFixed(1)),
      readMBps: mbPerS(zip.length, readMs),
      baselineUnzipMs: Number(unzipMs.toFixed(1)),
      baselineUnzipMBps: mbPerS(zip.length, unzipMs),
      readOverUnzip: Number((readMs / unzipMs).toFixed(2)),
    };
  }
  const { cartridge, files } = inventedCourse(200);
  let out: Uint8Array = new Uint8Array(0);
  const writeMs = await timeMs(async () => {
    out = await writeCartridge(cartridge, files, { version: '1.3' });
  });
  const inputBytes = [...files.values()].reduce((n, f) => n + f.length, 0) + strToU8(JSON.stringify(cartridge)).length;
  result.write200Lessons = { writeMs: Number(writeMs.toFixed(1)), inputMBps: mbPerS(inputBytes, writeMs), zipBytes: out.length };
  return result;
}
