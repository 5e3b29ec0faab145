import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { verifyAuditChain } from '../../modules/audit/audit.service.ts';
import { pupilPolicy, pupilsCsv } from '../../modules/privacy/privacy.test-support.ts';
import {
  crashNode,
  type CrashNode,
  type HttpSession,
  inWritingTransaction,
  login,
  longRequest,
  probeLatency,
  queryRows,
  sleep,
} from './crash.support.ts';

/**
 * Crash safety (issue #12): a real `edubridge serve` is SIGKILLed in the middle of a roster commit, a bulk
 * resource import and a de-identification job. After the kill the database opens again (PGlite's files
 * survive it), each unit of work is there whole or not at all, and after a restart the work can be finished.
 * Generous timeouts: start-up migrates and seeds the demo, and a killed job waits out its lease.
 */
const LONG = 1_800_000;
const ROSTER_PUPILS = 300;
// Large enough that an idle machine is still importing when the test sees the first line stored.
const IMPORT_LINES = 4000;
const DEID_ROWS = 20_000;

describe('crash safety: SIGKILL mid-work, then restart', () => {
  let node: CrashNode;

  beforeAll(async () => {
    node = await crashNode();
    await node.start();
  }, LONG);
  afterAll(async () => node?.dispose(), LONG);

  /** Reads the node's database from this process; on PGlite the server must be down for that. */
  async function inspect<T>(read: (db: Awaited<ReturnType<CrashNode['openDatabase']>>['db']) => Promise<T>): Promise<T> {
    const handle = await node.openDatabase();
    try {
      return await read(handle.db);
    } finally {
      await handle.close();
    }
  }
  const count = async (db: Parameters<Parameters<typeof inspect>[0]>[0], query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(db, query))[0].n;

  const schoolOf = (s: HttpSession) => s.me.memberships.find((m) => m.school)!.school!;

  it(
    'a roster commit killed inside its transaction leaves nothing; the admin commits again after the restart',
    async () => {
      const admin = await login(node.baseUrl, 'gd-school-admin', DEMO_PASSWORD);
      const school = schoolOf(admin);
      const rows = Array.from(
        { length: ROSTER_PUPILS },
        (_, i) => `测试生${i},CR${String(i).padStart(5, '0')},初一(${(i % 6) + 1})班,学生`,
      );
      const form = new FormData();
      form.append('file', new Blob([['姓名,学号,班级,角色', ...rows].join('\n')]), 'roster.csv');
      const checked = await fetch(`${node.baseUrl}/api/v1/schools/${school.id}/roster-imports`, {
        method: 'POST',
        headers: admin.headers,
        body: form,
      });
      expect(checked.status, await checked.clone().text()).toBe(200);
      const { importId, summary } = (await checked.json()) as { importId: string; summary: { errors: number } };
      expect(summary.errors).toBe(0);

      const probe = `/api/v1/roster-imports?schoolId=${school.id}`;
      const stallMs = Math.max(500, 4 * (await probeLatency(node, admin, probe)));
      let answered = false;
      void longRequest(`${node.baseUrl}/api/v1/roster-imports/${importId}/commit`, { method: 'POST', headers: admin.headers })
        .then(() => (answered = true))
        .catch(() => undefined);
      // Passwords are hashed first, outside the transaction; wait until the transaction is writing.
      while (!(await inWritingTransaction(node, admin, probe, stallMs))) {
        expect(answered, 'the commit finished before the kill could land in its transaction').toBe(false);
        await sleep(50);
      }
      await node.kill();
      expect(answered).toBe(false);

      const imported = sql`select count(*)::int as n from users where school_id = ${school.id} and source_id like 'tpl:CR%'`;
      await inspect(async (db) => {
        expect(await count(db, imported)).toBe(0);
        expect(
          await count(db, sql`select count(*)::int as n from classes where school_id = ${school.id} and source_id like 'tpl-class:%'`),
        ).toBe(0);
        const [imp] = await queryRows<{ status: string }>(db, sql`select status from roster_imports where id = ${importId}`);
        expect(imp.status).toBe('checked');
        expect(
          await count(
            db,
            sql`select count(*)::int as n from audit_entries where action = 'roster.import_commit' and details->>'importId' = ${importId}`,
          ),
        ).toBe(0);
      });

      await node.start();
      const again = await login(node.baseUrl, 'gd-school-admin', DEMO_PASSWORD);
      const commit = await longRequest(`${node.baseUrl}/api/v1/roster-imports/${importId}/commit`, {
        method: 'POST',
        headers: again.headers,
      });
      expect(commit.status, commit.body).toBe(200);
      expect((JSON.parse(commit.body) as { credentials: unknown[] }).credentials).toHaveLength(ROSTER_PUPILS);
    },
    LONG,
  );

  it(
    'a bulk resource import killed half-way keeps each line whole or absent; importing again finishes it',
    async () => {
      const admin = await login(node.baseUrl, 'gd-school-admin', DEMO_PASSWORD);
      const ndjson = (prefix: string, n: number) =>
        Array.from({ length: n }, (_, i) =>
          JSON.stringify({
            externalId: `${prefix}-${i}`,
            title: `Introdução à IA ${i}`,
            summary: 'Recurso inventado para o teste de falhas',
            body: `<p>Aula ${i}</p>`,
            language: 'pt',
            subject: 'ai',
            gradeBand: 'junior',
            keywords: ['IA'],
            licence: 'CC-BY-4.0',
          }),
        ).join('\n');
      const post = (body = ndjson('crash', IMPORT_LINES)) =>
        longRequest(`${node.baseUrl}/api/v1/resources/import?publishLevel=private`, {
          method: 'POST',
          headers: { ...admin.headers, 'content-type': 'application/x-ndjson' },
          body,
        });
      const mine = `/api/v1/resources?scope=mine&language=pt&limit=5`;
      let answered = false;
      if (process.env.TEST_DATABASE_URL) {
        void post()
          .then(() => (answered = true))
          .catch(() => undefined);
        for (;;) {
          const res = await fetch(`${node.baseUrl}${mine}`, { headers: admin.headers });
          if (((await res.json()) as { items: unknown[] }).items.length > 0) break;
          expect(answered, 'the import finished before the kill').toBe(false);
          await sleep(25);
        }
      } else {
        // PGlite serves one query at a time: a read sent during the import waits for its end, so it cannot say the
        // import is under way. Time a small import instead and kill about a quarter of the way into the big one.
        const warmLines = 200;
        const started = Date.now();
        const warm = await post(ndjson('warm', warmLines));
        expect(warm.status, warm.body).toBe(200);
        const perLine = (Date.now() - started) / warmLines;
        void post()
          .then(() => (answered = true))
          .catch(() => undefined);
        await sleep((perLine * IMPORT_LINES) / 4);
      }
      await node.kill();
      expect(answered).toBe(false);

      const stored = await inspect(async (db) => {
        const n = await count(db, sql`select count(*)::int as n from resources where external_id like 'crash-%'`);
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThan(IMPORT_LINES);
        const ids = sql`(select id from resources where external_id like 'crash-%')`;
        const textIds = sql`(select id::text from resources where external_id like 'crash-%')`;
        // Each stored line has its version, its search entry and its audit entry: one transaction each.
        expect(await count(db, sql`select count(*)::int as n from resource_versions where resource_id in ${ids}`)).toBe(n);
        expect(await count(db, sql`select count(*)::int as n from search_documents where id in ${ids}`)).toBe(n);
        expect(
          await count(
            db,
            sql`select count(*)::int as n from audit_entries where action = 'resource.import.created' and target_id in ${textIds}`,
          ),
        ).toBe(n);
        return n;
      });
      console.info(`crash test: the import was killed after ${stored} of ${IMPORT_LINES} lines`);

      await node.start();
      const again = await login(node.baseUrl, 'gd-school-admin', DEMO_PASSWORD);
      admin.headers = again.headers;
      const rerun = await post();
      expect(rerun.status, rerun.body).toBe(200);
      expect(JSON.parse(rerun.body)).toMatchObject({ created: IMPORT_LINES - stored, unchanged: stored, failed: 0 });
    },
    LONG,
  );

  it(
    'a de-identification job killed while running is taken up again after the restart and stored once',
    async () => {
      const steward = await login(node.baseUrl, 'gd-steward', DEMO_PASSWORD);
      const status = async (s: HttpSession, releaseId: string) =>
        (
          (await (await fetch(`${node.baseUrl}/api/v1/privacy/releases/${releaseId}`, { headers: s.headers })).json()) as {
            status: string;
          }
        ).status;
      // Uploads a dataset and asks for its release; the job starts in the background.
      const createRelease = async (rows: number): Promise<string> => {
        const form = new FormData();
        form.append('name', 'Invented pupils (crash test)');
        form.append('category', 'assessment_results');
        form.append('file', new Blob([pupilsCsv(rows)]), 'pupils.csv');
        const uploaded = await fetch(`${node.baseUrl}/api/v1/privacy/datasets`, { method: 'POST', headers: steward.headers, body: form });
        expect(uploaded.status, await uploaded.clone().text()).toBeLessThan(300);
        const dataset = (await uploaded.json()) as { id: string };
        const created = await fetch(`${node.baseUrl}/api/v1/privacy/releases`, {
          method: 'POST',
          headers: { ...steward.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ datasetId: dataset.id, policy: pupilPolicy(5), objective: 'Crash-safety test' }),
        });
        expect(created.status, await created.clone().text()).toBe(202);
        return ((await created.json()) as { id: string }).id;
      };
      const statusInDb = (id: string) =>
        inspect(async (db) => {
          const [r] = await queryRows<{ status: string }>(db, sql`select status from privacy_releases where id = ${id}`);
          return r?.status ?? 'missing';
        });

      let releaseId: string | null = null;
      if (process.env.TEST_DATABASE_URL) {
        // Wait until the job is seen running, then kill. On an idle machine a small job can finish between two
        // reads: that is not a failure of the node, so try again with four times the rows.
        for (let attempt = 0; attempt < 3 && !releaseId; attempt++) {
          const id = await createRelease(DEID_ROWS * 4 ** attempt);
          for (;;) {
            const now = await status(steward, id);
            if (now === 'running') releaseId = id;
            if (now === 'running' || now === 'ready') break;
            expect(['queued', 'draft', 'pending'], `release went to ${now} before the kill`).toContain(now);
            await sleep(50);
          }
        }
        await node.kill();
      } else {
        // PGlite works in the server's own thread: while the job runs no read is answered, so "running" cannot be
        // seen from outside. Time a small job to its end, kill a sixteen-times larger one about a third of the way
        // in, and look in the database: if the kill came too early (queued) or too late (ready), aim again.
        const small = await createRelease(DEID_ROWS);
        const started = Date.now();
        while ((await status(steward, small)) !== 'ready') await sleep(50);
        let delay = ((Date.now() - started) * 16) / 3;
        for (let attempt = 0; attempt < 4 && !releaseId; attempt++) {
          const id = await createRelease(DEID_ROWS * 16);
          await sleep(delay);
          await node.kill();
          const now = await statusInDb(id);
          if (now === 'running') releaseId = id;
          else {
            delay = now === 'ready' ? delay / 3 : delay * 2;
            await node.start();
          }
        }
      }
      if (!releaseId) throw new Error('no de-identification job could be killed while it was running');

      await inspect(async (db) => {
        const [r] = await queryRows<{ status: string; output_dataset_id: string | null }>(
          db,
          sql`select status, output_dataset_id from privacy_releases where id = ${releaseId}`,
        );
        expect(r).toMatchObject({ status: 'running', output_dataset_id: null });
        expect(await count(db, sql`select count(*)::int as n from privacy_datasets where release_id = ${releaseId}`)).toBe(0);
        const [job] = await queryRows<{ status: string }>(db, sql`select status from jobs where payload->>'releaseId' = ${releaseId}`);
        expect(job.status).toBe('running');
      });

      await node.start();
      const again = await login(node.baseUrl, 'gd-steward', DEMO_PASSWORD);
      // The dead worker's lease runs out, another worker takes the job from its checkpoint.
      let final = await status(again, releaseId);
      const deadline = Date.now() + LONG - 60_000;
      while (!['ready', 'failed'].includes(final) && Date.now() < deadline) {
        await sleep(1000);
        final = await status(again, releaseId);
      }
      expect(final).toBe('ready');
      await node.stop();
      await inspect(async (db) => {
        expect(await count(db, sql`select count(*)::int as n from privacy_datasets where release_id = ${releaseId}`)).toBe(1);
        expect(
          await count(
            db,
            sql`select count(*)::int as n from audit_entries where action = 'privacy.release.complete' and target_id = ${releaseId}`,
          ),
        ).toBe(1);
        const [job] = await queryRows<{ status: string; attempts: number }>(
          db,
          sql`select status, attempts from jobs where payload->>'releaseId' = ${releaseId}`,
        );
        expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
      });
    },
    LONG,
  );

  it(
    'after the three kills every committed pupil is whole and the audit chain still verifies',
    async () => {
      await node.stop();
      await inspect(async (db) => {
        const people = sql`(select id from users where source_id like 'tpl:CR%')`;
        expect(await count(db, sql`select count(*)::int as n from users where source_id like 'tpl:CR%'`)).toBe(ROSTER_PUPILS);
        // Every person came with a password, a membership and an enrolment: none half-made.
        expect(await count(db, sql`select count(*)::int as n from password_credentials where user_id in ${people}`)).toBe(ROSTER_PUPILS);
        expect(await count(db, sql`select count(*)::int as n from memberships where user_id in ${people}`)).toBe(ROSTER_PUPILS);
        expect(await count(db, sql`select count(*)::int as n from class_enrollments where user_id in ${people}`)).toBe(ROSTER_PUPILS);
        expect(await count(db, sql`select count(*)::int as n from resources where external_id like 'crash-%'`)).toBe(IMPORT_LINES);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      });
    },
    LONG,
  );
});
