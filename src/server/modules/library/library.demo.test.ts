import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { seedLibraryDemo } from './library.demo.ts';
import { resources } from './library.schema.ts';
import { client } from './library.test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { blobs: t.blobs });
}, 400_000);
afterAll(async () => t?.close());

describe('library demo', () => {
  it('seeds about sixty resources in three scripts, once', async () => {
    const rows = await t.database.db
      .select({ language: resources.language, level: resources.publishLevel })
      .from(resources)
      .where(like(resources.externalId, 'demo:%'));
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO', 'en']));
    expect(new Set(rows.map((r) => r.level)).size).toBeGreaterThanOrEqual(6);
    expect(await seedLibraryDemo(t.database.db, t.blobs)).toEqual({ created: 0 });
  });

  it('is alive on first start: public lessons for anyone, a review waiting, a PDF to preview', async () => {
    const http = client(t.app);
    const anon = (await http.get(null, '/api/v1/resources?limit=200')).json() as {
      items: { id: string; publishLevel: string; title: string }[];
    };
    expect(anon.items.length).toBeGreaterThan(3);
    expect(anon.items.every((i) => i.publishLevel === 'public')).toBe(true);
    const bureau = await signIn(t.app, 'gd-bureau', DEMO_PASSWORD);
    expect((await http.get(bureau, '/api/v1/library/reviews')).json().items.length).toBeGreaterThanOrEqual(1);
    const teacher = await signIn(t.app, 'hk-teacher', DEMO_PASSWORD);
    const found = (await http.get(teacher, '/api/v1/resources/search?q=機械人編程')).json() as { items: unknown[] };
    expect(found.items.length).toBeGreaterThan(0);
    const gd = await signIn(t.app, 'gd-teacher', DEMO_PASSWORD);
    const mine = (await http.get(gd, '/api/v1/resources?scope=mine&limit=200')).json() as { items: { id: string; title: string }[] };
    const lesson = mine.items.find((i) => i.title.startsWith('图像识别入门'))!;
    const detail = (await http.get(gd, `/api/v1/resources/${lesson.id}`)).json();
    expect(detail.files[0].mediaType).toBe('application/pdf');
    const preview = await http.get(gd, detail.files[0].previewUrl);
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
