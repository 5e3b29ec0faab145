import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../jobs/jobs.registry.ts';
import { runJobsUntilIdle } from '../../jobs/jobs.runner.ts';
import { jurisdictionId, makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { pupilPolicy, pupilsCsv, upload } from './privacy.test-support.ts';

describe('sharing de-identified data between jurisdictions', () => {
  let t: TestApp;
  let gd: Session;
  let hk: Session;
  let mo: Session;
  let gdBureau: Session;
  let gdTeacher: Session;
  let hkId: string;

  const inject = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s.headers, payload: payload as object | undefined });
  const runJobs = () => runJobsUntilIdle({ db: t.database.db, registry: jobRegistry, blobs: t.blobs });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const school = await makeSchool(db, { jurisdiction: 'GD' });
    const users = {
      gd: await makeUser(db, { role: 'data_steward', jurisdiction: 'GD' }),
      hk: await makeUser(db, { role: 'data_steward', jurisdiction: 'HK' }),
      mo: await makeUser(db, { role: 'data_steward', jurisdiction: 'MO' }),
      gdBureau: await makeUser(db, { role: 'bureau_admin', jurisdiction: 'GD' }),
      gdTeacher: await makeUser(db, { role: 'teacher', school }),
    };
    [gd, hk, mo, gdBureau, gdTeacher] = await Promise.all(
      [users.gd, users.hk, users.mo, users.gdBureau, users.gdTeacher].map((u) => signIn(t.app, u.username, TEST_PASSWORD)),
    );
    hkId = await jurisdictionId(db, 'HK');
  }, 60_000);
  afterAll(() => t.close());

  async function dataset(csv = pupilsCsv(40)) {
    const res = await upload(t.app, gd, csv);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      suggestedPolicy: { k?: number; columns: Record<string, { operator: string }> };
      profile: { column: string; role: string }[];
    };
  }

  async function agreement(datasetIds: string[], extra: Record<string, unknown> = {}) {
    const res = await inject(gd, 'POST', '/api/v1/privacy/agreements', {
      partnerJurisdictionId: hkId,
      title: 'Invented assessment study',
      purpose: 'Compare assessment outcomes across the bay (invented test data)',
      legalBasis: 'GBA standard contract; PDPO s.33 not in force',
      category: 'assessment_results',
      datasetIds,
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      piaRef: 'PIA-TEST-1',
      filingRef: 'FILING-TEST-1',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  }

  async function activate(id: string) {
    expect((await inject(gd, 'POST', `/api/v1/privacy/agreements/${id}/approve`)).statusCode).toBe(200);
    const res = await inject(hk, 'POST', `/api/v1/privacy/agreements/${id}/approve`);
    expect(res.json().status).toBe('active');
  }

  async function release(datasetId: string, agreementId: string | undefined, policy = pupilPolicy(10)) {
    const res = await inject(gd, 'POST', '/api/v1/privacy/releases', {
      datasetId,
      agreementId,
      policy,
      objective: 'Cross-boundary assessment study',
    });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs();
    const done = await inject(gd, 'GET', `/api/v1/privacy/releases/${res.json().id}`);
    return done.json() as {
      id: string;
      status: string;
      risk: { smallestClass: number };
      steps: { step: string }[];
      outbound: { ok: boolean };
    };
  }

  it('profiles an upload and suggests operators from the jurisdiction’s policy', async () => {
    const d = await dataset();
    expect(d.profile.find((p) => p.column === '姓名')?.role).toBe('direct_identifier');
    expect(d.suggestedPolicy.columns['学号'].operator).toBe('pseudonym');
    expect(d.suggestedPolicy.columns['年龄'].operator).toBe('generalise');
    expect(d.suggestedPolicy.k).toBe(10); // PIPL default for assessment results
  });

  it('flags a dataset with children under 14 and applies the stricter k', async () => {
    const res = await upload(t.app, gd, pupilsCsv(30, { minAge: 11 }));
    const d = res.json();
    expect(d.containsChildren).toBe(true);
    expect(d.rule.minK).toBe(20);
  });

  it('a Hong Kong steward cannot read Guangdong raw datasets', async () => {
    const d = await dataset();
    expect((await inject(hk, 'GET', `/api/v1/privacy/datasets/${d.id}`)).statusCode).toBe(404);
    expect((await inject(hk, 'GET', `/api/v1/privacy/datasets/${d.id}/preview`)).statusCode).toBe(404);
    const list = (await inject(hk, 'GET', '/api/v1/privacy/datasets')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(d.id);
    expect((await inject(gd, 'GET', `/api/v1/privacy/datasets/${d.id}/preview`)).json().rows).toHaveLength(20);
  });

  it('only the data stewards of both sides can approve an agreement, once each', async () => {
    const d = await dataset();
    const a = await agreement([d.id]);
    expect(a.status).toBe('draft');
    expect((await inject(gdBureau, 'POST', `/api/v1/privacy/agreements/${a.id}/approve`)).statusCode).toBe(403);
    expect((await inject(mo, 'POST', `/api/v1/privacy/agreements/${a.id}/approve`)).statusCode).toBe(404);
    const first = await inject(gd, 'POST', `/api/v1/privacy/agreements/${a.id}/approve`);
    expect(first.json().status).toBe('pending');
    expect((await inject(gd, 'POST', `/api/v1/privacy/agreements/${a.id}/approve`)).json().code).toBe('PRIVACY_ALREADY_APPROVED');
    const second = await inject(hk, 'POST', `/api/v1/privacy/agreements/${a.id}/approve`);
    expect(second.json().status).toBe('active');
    const audit = await inject(gd, 'GET', `/api/v1/audit?targetId=${a.id}`);
    if (audit.statusCode === 200) {
      const actions = (audit.json() as { items: { action: string }[] }).items.map((i) => i.action);
      expect(actions).toEqual(expect.arrayContaining(['privacy.agreement.create', 'privacy.agreement.approve']));
    }
  });

  it('the owner side needs its impact assessment and filing before approving', async () => {
    const d = await dataset();
    const a = await agreement([d.id], { piaRef: '', filingRef: '' });
    expect((await inject(gd, 'POST', `/api/v1/privacy/agreements/${a.id}/approve`)).json().code).toBe('PRIVACY_PIA_REQUIRED');
  });

  it('refuses an agreement for rosters, which never leave', async () => {
    const res = await inject(gd, 'POST', '/api/v1/privacy/agreements', {
      partnerJurisdictionId: hkId,
      title: 'x',
      purpose: 'x',
      legalBasis: 'x',
      category: 'rosters',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.json().code).toBe('PRIVACY_EGRESS_FORBIDDEN');
  });

  it('runs a de-identification job with the GB/T 37964 steps, and the partner downloads the approved output', async () => {
    const d = await dataset();
    const a = await agreement([d.id]);
    await activate(a.id);
    const r = await release(d.id, a.id);
    expect(r.status).toBe('ready');
    expect(r.risk.smallestClass).toBeGreaterThanOrEqual(10);
    expect(r.steps.map((s) => s.step)).toEqual(['objective', 'identify', 'process', 'verify']);
    // Not yet approved: nothing leaves.
    expect((await inject(hk, 'GET', `/api/v1/privacy/releases/${r.id}/download`)).json().code).toBe('PRIVACY_RELEASE_NOT_READY');
    expect((await inject(hk, 'POST', `/api/v1/privacy/releases/${r.id}/approve`, {})).statusCode).toBe(404);
    const approved = await inject(gd, 'POST', `/api/v1/privacy/releases/${r.id}/approve`, { note: 'checked' });
    expect(approved.json().status).toBe('approved');

    const outputs = (await inject(hk, 'GET', `/api/v1/privacy/agreements/${a.id}/outputs`)).json();
    expect(outputs).toMatchObject({ downloadable: true, items: [{ releaseId: r.id, rows: 40 }] });
    const res = await inject(hk, 'GET', `/api/v1/privacy/releases/${r.id}/download`);
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(40);
    expect(Object.keys(rows[0])).not.toContain('姓名');
    expect(rows[0]['学号']).toMatch(/^STUDENT_ID_/);

    const side = (await inject(gd, 'GET', `/api/v1/privacy/releases/${r.id}/preview`)).json();
    expect(side.original.rows).toHaveLength(20);
    expect(side.deidentified.rows).toHaveLength(20);
  });

  it('a user outside an agreement cannot download its output', async () => {
    const d = await dataset();
    const a = await agreement([d.id]);
    await activate(a.id);
    const r = await release(d.id, a.id);
    await inject(gd, 'POST', `/api/v1/privacy/releases/${r.id}/approve`, {});
    expect((await inject(mo, 'GET', `/api/v1/privacy/releases/${r.id}/download`)).statusCode).toBe(404);
    expect((await inject(gdTeacher, 'GET', `/api/v1/privacy/releases/${r.id}/download`)).statusCode).toBe(404);
    expect((await inject(hk, 'GET', `/api/v1/privacy/releases/${r.id}/download`)).statusCode).toBe(200);
    // Revoked: not even the parties.
    await inject(hk, 'POST', `/api/v1/privacy/agreements/${a.id}/revoke`);
    expect((await inject(hk, 'GET', `/api/v1/privacy/releases/${r.id}/download`)).json().code).toBe('PRIVACY_AGREEMENT_NOT_ACTIVE');
  });

  it('pseudonyms are stable across two files under one agreement and differ across agreements', async () => {
    const first = await dataset(pupilsCsv(40, { seed: 1 }));
    const second = await dataset(pupilsCsv(40, { seed: 5 })); // same student numbers, other values
    const a = await agreement([first.id, second.id]);
    const b = await agreement([first.id]);
    await activate(a.id);
    await activate(b.id);
    const download = async (datasetId: string, agreementId: string) => {
      const r = await release(datasetId, agreementId);
      await inject(gd, 'POST', `/api/v1/privacy/releases/${r.id}/approve`, {});
      const res = await inject(hk, 'GET', `/api/v1/privacy/releases/${r.id}/download`);
      return new Set((parse(res.body, { columns: true, bom: true }) as Record<string, string>[]).map((row) => row['学号']));
    };
    const a1 = await download(first.id, a.id);
    const a2 = await download(second.id, a.id);
    const b1 = await download(first.id, b.id);
    expect(a1.size).toBe(40);
    expect([...a1].sort()).toEqual([...a2].sort());
    expect([...a1].filter((p) => b1.has(p))).toHaveLength(0);
  });

  it('stops a file with personal data at the outbound check, without echoing the values', async () => {
    const d = await dataset(pupilsCsv(40, { phones: true }));
    const a = await agreement([d.id]);
    await activate(a.id);
    const r = await release(d.id, a.id, pupilPolicy(10, { 电话: { role: 'other', operator: 'keep' } }));
    expect(r.outbound.ok).toBe(false);
    const refused = await inject(gd, 'POST', `/api/v1/privacy/releases/${r.id}/approve`, {});
    expect(refused.json().code).toBe('OUTBOUND_PII_BLOCKED');
    // Even if an approval slipped through, the download gate stops it.
    const { privacyReleases } = await import('./privacy.schema.ts');
    const { eq } = await import('drizzle-orm');
    await t.database.db.update(privacyReleases).set({ status: 'approved' }).where(eq(privacyReleases.id, r.id));
    const res = await inject(hk, 'GET', `/api/v1/privacy/releases/${r.id}/download`);
    expect(res.statusCode).toBe(422);
    const problem = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('OUTBOUND_PII_BLOCKED');
    expect(problem.errors[0]).toMatchObject({ path: '电话' });
    expect(res.body).toContain('PHONE');
    expect(res.body).not.toContain('13800131000');
  });

  it('refuses a release that publishes a column outside the agreement’s fields', async () => {
    const d = await dataset();
    const a = await agreement([d.id], { fields: ['学号', '年龄', '性别', '地区'] });
    const res = await inject(gd, 'POST', '/api/v1/privacy/releases', {
      datasetId: d.id,
      agreementId: a.id,
      policy: pupilPolicy(10),
      objective: 'x',
    });
    expect(res.json().code).toBe('PRIVACY_POLICY_INVALID');
    expect(JSON.stringify(res.json().errors)).toContain('成绩');
  });

  it('lets a steward edit only their own jurisdiction’s policy', async () => {
    const list = (await inject(hk, 'GET', '/api/v1/privacy/policies')).json() as {
      items: { id: string; jurisdiction: { code: string }; category: string; version: number; editable: boolean }[];
    };
    const gdPolicy = list.items.find((p) => p.jurisdiction.code === 'GD' && p.category === 'learning_records')!;
    const hkPolicy = list.items.find((p) => p.jurisdiction.code === 'HK' && p.category === 'learning_records')!;
    expect(gdPolicy.editable).toBe(false);
    const body = {
      egress: 'deidentified',
      minK: 8,
      epsilonPerPeriod: 1.5,
      periodDays: 30,
      childMinK: 16,
      childEpsilonPerPeriod: 0.5,
      requiresPia: true,
      requiresFiling: false,
      notes: '',
    };
    const put = (s: Session, id: string, version: number, b = body) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/privacy/policies/${id}`,
        headers: { ...s.headers, 'if-match': `"${version}"` },
        payload: b,
      });
    expect((await put(hk, gdPolicy.id, gdPolicy.version)).statusCode).toBe(404);
    const ok = await put(hk, hkPolicy.id, hkPolicy.version);
    expect(ok.json()).toMatchObject({ minK: 8, version: hkPolicy.version + 1 });
    expect((await put(hk, hkPolicy.id, hkPolicy.version)).statusCode).toBe(412);
    expect((await put(hk, hkPolicy.id, hkPolicy.version + 1, { ...body, childMinK: 4 })).statusCode).toBe(400);
  });

  it('redacts pasted free text for any signed-in user', async () => {
    const res = await inject(gdTeacher, 'POST', '/api/v1/privacy/detect', { text: '请联系家长陈大文，电话 13800138000。' });
    const body = res.json() as { entities: { type: string }[]; redacted: string };
    expect(body.entities.map((e) => e.type)).toEqual(['PERSON', 'PHONE']);
    expect(body.redacted).not.toContain('13800138000');
    expect(body.redacted).toContain('[PHONE]');
  });
});
