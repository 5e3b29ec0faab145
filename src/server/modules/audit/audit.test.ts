import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { auditEntries } from './audit.schema.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';

describe('the audit chain', () => {
  let t: TestApp;
  beforeEach(async () => {
    await t?.close();
    t = await createTestApp();
    for (let i = 0; i < 5; i++) {
      await t.database.db.transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: 'test.event', details: { i, note: '测试' } }));
    }
  });
  afterAll(() => t.close());

  it('an untouched chain verifies', async () => {
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, checked: 5, firstBadSeq: null, reason: null });
  });

  it('an altered audit row fails verify at that row', async () => {
    await t.database.db
      .update(auditEntries)
      .set({ details: { i: 2, note: 'edited' } })
      .where(eq(auditEntries.seq, 3));
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
  });

  it('a deleted row fails verify', async () => {
    await t.database.db.delete(auditEntries).where(eq(auditEntries.seq, 2));
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'gap_in_sequence' });
  });

  it('a row re-hashed by someone who edited it still breaks the link to the next', async () => {
    await t.database.db.execute(sql`update audit_entries set action = 'test.forged', hash = ${'f'.repeat(64)} where seq = 4`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('concurrent writers still form one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: 'test.parallel', details: { i } })),
      ),
    );
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, checked: 25 });
  });

  it('a school admin reads their school’s entries and not another jurisdiction’s', async () => {
    const gd = await makeSchool(t.database.db, { jurisdiction: 'GD' });
    const hk = await makeSchool(t.database.db, { jurisdiction: 'HK' });
    const gdAdmin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school: gd })).username, TEST_PASSWORD);
    const hkAdmin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school: hk })).username, TEST_PASSWORD);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/schools/${gd.id}/classes`,
      headers: gdAdmin.headers,
      payload: { code: 'J7-9', name: '初一(9)班', grade: 7, schoolYear: '2026-2027' },
    });
    const own = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=class.create', headers: gdAdmin.headers })).json();
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({ action: 'class.create', schoolId: gd.id });
    expect(own.items[0].requestId).toBeTruthy();
    const other = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=class.create', headers: hkAdmin.headers })).json();
    expect(other.items).toEqual([]);
  });
});
