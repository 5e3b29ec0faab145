import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobRegistry } from '../../jobs/jobs.registry.ts';
import { runJobsUntilIdle } from '../../jobs/jobs.runner.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { makeSchool, makeUser, TEST_PASSWORD, type MadeUser } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { users } from '../identity/identity.schema.ts';
import { notifications } from './notifications.schema.ts';
import { notify } from './notifications.service.ts';

let t: TestApp;
let alice: MadeUser;
let bob: MadeUser;
let carol: MadeUser;
let aliceS: Session;
let bobS: Session;
let carolS: Session;

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const post = (s: Session, url: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as never });
const put = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, headers: s.headers, payload: payload as never });
type Page = {
  items: { id: string; kind: string; link: string | null; read: boolean; data: Record<string, unknown> }[];
  unreadCount: number;
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const school = await makeSchool(db, { jurisdiction: 'HK' });
  alice = await makeUser(db, { role: 'teacher', school, displayName: '陳老師' });
  bob = await makeUser(db, { role: 'teacher', school });
  carol = await makeUser(db, { role: 'teacher', school });
  await db.update(users).set({ locale: 'zh-Hant' }).where(eq(users.id, alice.id));
  [aliceS, bobS, carolS] = await Promise.all([alice, bob, carol].map((u) => signIn(t.app, u.username, TEST_PASSWORD)));
}, 60_000);

afterAll(async () => t?.close());
afterEach(() => vi.unstubAllEnvs());

const send = (userIds: string[], kind = 'network.proposal', data: Record<string, unknown> = { school: '南沙實驗學校' }) =>
  t.database.db.transaction((tx) => notify(tx, { userIds, kind, data, link: '/network/pairs/demo' }));

describe('in-app notifications', () => {
  it('reach the given users and nobody else', async () => {
    await send([alice.id, bob.id, alice.id]);
    const a = (await get(aliceS, '/api/v1/notifications')).json() as Page;
    const b = (await get(bobS, '/api/v1/notifications')).json() as Page;
    const c = (await get(carolS, '/api/v1/notifications')).json() as Page;
    expect(a.items.filter((n) => n.kind === 'network.proposal')).toHaveLength(1);
    expect(a.items[0]).toMatchObject({
      kind: 'network.proposal',
      link: '/network/pairs/demo',
      read: false,
      data: { school: '南沙實驗學校' },
    });
    expect(b.items.filter((n) => n.kind === 'network.proposal')).toHaveLength(1);
    expect(c.items).toEqual([]);
    expect(c.unreadCount).toBe(0);
  });

  it('are not recorded when the change they announce rolls back', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { userIds: [carol.id], kind: 'network.proposal' });
        throw new Error('the proposal failed');
      }),
    ).rejects.toThrow('the proposal failed');
    expect(((await get(carolS, '/api/v1/notifications')).json() as Page).items).toEqual([]);
  });

  it('refuse a link that leaves the app', async () => {
    await expect(
      t.database.db.transaction((tx) => notify(tx, { userIds: [carol.id], kind: 'network.proposal', link: '//evil.example/x' })),
    ).rejects.toThrow(/in-app path/);
  });

  it('a user cannot mark or read-all another user’s notifications', async () => {
    await send([alice.id]);
    const mine = ((await get(aliceS, '/api/v1/notifications?unread=1')).json() as Page).items[0];
    expect((await post(carolS, `/api/v1/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await post(carolS, '/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
    const after = (await get(aliceS, '/api/v1/notifications?unread=1')).json() as Page;
    expect(after.items.map((n) => n.id)).toContain(mine.id);
    const marked = await post(aliceS, `/api/v1/notifications/${mine.id}/read`);
    expect(marked.json()).toMatchObject({ id: mine.id, read: true });
  });

  it('need a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('preferences', () => {
  it('start in-app only and keep what the user sets', async () => {
    expect((await get(bobS, '/api/v1/notifications/preferences')).json()).toMatchObject({
      email: null,
      emailModules: [],
      emailAvailable: false,
    });
    const saved = await put(bobS, '/api/v1/notifications/preferences', {
      email: 'bob@school.example',
      emailModules: ['training', 'library'],
    });
    expect(saved.json()).toMatchObject({ email: 'bob@school.example', emailModules: ['library', 'training'] });
    expect((await get(carolS, '/api/v1/notifications/preferences')).json()).toMatchObject({ email: null });
  });

  it('refuse an address that is not one', async () => {
    const res = await put(bobS, '/api/v1/notifications/preferences', { email: 'not an address', emailModules: [] });
    expect(res.statusCode).toBe(400);
    expect((await get(bobS, '/api/v1/notifications/preferences')).json()).toMatchObject({ email: 'bob@school.example' });
  });
});

describe('e-mail over SMTP', () => {
  interface Received {
    to: string[];
    body: string;
  }
  let server: SMTPServer;
  const received: Received[] = [];
  let refuseNext = 0;

  beforeAll(async () => {
    // A real SMTP server on a free local port; `refuseNext` makes it answer 451 (try again later) to DATA.
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (refuseNext > 0) {
            refuseNext--;
            return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
          }
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await put(aliceS, '/api/v1/notifications/preferences', { email: 'chan@school.example', emailModules: ['library'] });
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const useSmtp = () => vi.stubEnv('EDUBRIDGE_SMTP_URL', `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
  const runJobs = () => runJobsUntilIdle({ db: t.database.db, registry: jobRegistry, blobs: t.blobs });
  /** Makes retries due now instead of after their backoff, so the test never sleeps. */
  const retryNow = () =>
    t.database.db
      .update(jobs)
      .set({ runAfter: sql`now()` })
      .where(eq(jobs.status, 'queued'));
  const latest = async (userId: string) =>
    (
      await t.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(sql`id desc`)
        .limit(1)
    )[0];
  const approved = (userIds: string[]) =>
    t.database.db.transaction((tx) =>
      notify(tx, { userIds, kind: 'library.approved', data: { title: '人工智能倫理', level: 'school' }, link: '/library/resources/x' }),
    );

  it('delivers to the opted-in user, in their language, from a background job', async () => {
    useSmtp();
    received.length = 0;
    await approved([alice.id, carol.id]);
    expect((await latest(alice.id)).emailStatus).toBe('pending');
    expect((await latest(carol.id)).emailStatus).toBe('none');
    expect(received).toEqual([]); // nothing is sent inside the request's transaction
    await runJobs();
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['chan@school.example']);
    const body = decodeMime(received[0].body);
    expect(body).toContain('「人工智能倫理」已獲批准，分享範圍：本校');
    expect(body).toContain('陳老師');
    expect(body).toContain('/library/resources/x');
    expect((await latest(alice.id)).emailStatus).toBe('sent');
  });

  it('does not e-mail about a module the user did not switch on', async () => {
    useSmtp();
    received.length = 0;
    await send([alice.id], 'network.proposal');
    expect((await latest(alice.id)).emailStatus).toBe('none');
    await runJobs();
    expect(received).toEqual([]);
  });

  it('retries when the server refuses, then delivers once', async () => {
    useSmtp();
    received.length = 0;
    refuseNext = 1;
    await approved([alice.id]);
    await runJobs();
    expect(received).toEqual([]);
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, 'notifications.send-email'), eq(jobs.status, 'queued')));
    expect(job).toMatchObject({ attempts: 1 });
    expect(job.error).toMatch(/451|busy/);
    await retryNow();
    await runJobs();
    expect(received).toHaveLength(1);
    expect((await latest(alice.id)).emailStatus).toBe('sent');
    const [done] = await t.database.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('gives up after the last attempt and marks the e-mail failed', async () => {
    useSmtp();
    received.length = 0;
    refuseNext = 100;
    await approved([alice.id]);
    for (let i = 0; i < 6; i++) {
      await runJobs();
      await retryNow();
    }
    refuseNext = 0;
    expect(received).toEqual([]);
    expect((await latest(alice.id)).emailStatus).toBe('failed');
    expect((await latest(alice.id)).read).toBe(false); // the in-app copy is unaffected
  });

  it('skips, without error, when the node has no SMTP server', async () => {
    received.length = 0;
    await approved([alice.id]);
    await runJobs();
    expect((await latest(alice.id)).emailStatus).toBe('skipped');
  });
});

/** The text of a plain-text MIME message, whatever transfer encoding nodemailer chose. */
function decodeMime(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
