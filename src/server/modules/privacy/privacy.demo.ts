import { and, eq } from 'drizzle-orm';
import { epsilonToNanos } from '../../../lib/dp/epsilon.ts';
import { profileColumns } from '../../../lib/deid/tables/profile-columns.ts';
import { SYNTHETIC_COLUMNS, syntheticStudentRows } from '../../../lib/deid/tables/synthetic-students.ts';
import type { Db } from '../../db/client.ts';
import { newId } from '../../db/columns.ts';
import { ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { hashPassword } from '../identity/identity.passwords.ts';
import { memberships, passwordCredentials, users } from '../identity/identity.schema.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { putBlob } from './privacy.blobs.ts';
import { seedPrivacyPolicies } from './privacy.defaults.ts';
import { newAgreementSecret, privacyKeysConfigured, sealAgreementSecret } from './privacy.keys.ts';
import { effectivePolicy } from './privacy.policies.service.ts';
import { privacyAgreements, privacyDatasets } from './privacy.schema.ts';
import { bytesOf, rowsOf, scanTable } from './privacy.tables.ts';

export const DEMO_DATASET_NAME = '演示：湾桥学校学业评价（虚构数据）';
const DEMO_AGREEMENT_TITLE = 'GD↔HK 学业评价联合研究（演示草案）';

/**
 * The privacy demo: the default policies, the GD data steward (for data dirs seeded before the account
 * existed), a small invented assessment table in Guangdong, and a GD↔HK sharing agreement draft waiting
 * for both stewards (`gd-steward`, `hk-steward`). Idempotent and cheap when present. The agreement needs
 * the node's keys, so a process that never built the app (`edubridge seed`) leaves it for the next start.
 */
export async function seedPrivacyDemo(db: Db): Promise<void> {
  await seedPrivacyPolicies(db);
  const [gd] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, 'GD'));
  const [hk] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, 'HK'));
  if (!gd || !hk) return;
  const steward = await ensureGdSteward(db, gd.id);

  let [dataset] = await db
    .select()
    .from(privacyDatasets)
    .where(and(eq(privacyDatasets.jurisdictionId, gd.id), eq(privacyDatasets.name, DEMO_DATASET_NAME)));
  if (!dataset) {
    const rows = syntheticStudentRows(240, 2026);
    const bytes = await bytesOf(rows, SYNTHETIC_COLUMNS, 'csv');
    const profile = (await profileColumns(rowsOf(bytes, 'csv'))).map((p) => ({
      column: p.column,
      role: p.role,
      entity: p.entity,
      reason: p.reason,
      suggestedOperator: p.suggestedOperator,
      distinct: p.distinct,
      nonEmpty: p.nonEmpty,
    }));
    const scan = await scanTable(rowsOf(bytes, 'csv'), profile);
    dataset = await db.transaction(async (tx) => {
      const blob = await putBlob(tx, bytes);
      const [row] = await tx
        .insert(privacyDatasets)
        .values({
          jurisdictionId: gd.id,
          kind: 'raw',
          name: DEMO_DATASET_NAME,
          category: 'assessment_results',
          format: 'csv',
          blobSha256: blob.sha256,
          size: blob.size,
          rowCount: scan.rowCount,
          columns: scan.columns,
          profile,
          containsChildren: scan.containsChildren,
          createdBy: steward,
        })
        .returning();
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'privacy.dataset.upload',
        targetType: 'privacy_dataset',
        targetId: row.id,
        jurisdictionId: gd.id,
        details: { demo: true, rows: scan.rowCount },
      });
      return row;
    });
  }

  if (!privacyKeysConfigured()) return;
  const [agreement] = await db
    .select({ id: privacyAgreements.id })
    .from(privacyAgreements)
    .where(eq(privacyAgreements.title, DEMO_AGREEMENT_TITLE));
  if (agreement) return;
  const rule = await effectivePolicy(db, gd.id, 'assessment_results', dataset.containsChildren);
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(privacyAgreements).values({
      id,
      jurisdictionId: gd.id,
      partnerJurisdictionId: hk.id,
      title: DEMO_AGREEMENT_TITLE,
      purpose: '比较大湾区两地学生学业评价的分布，用于共建 AI 学习助手的评测基准（演示，全部数据为虚构）。',
      legalBasis: '《个人信息保护法》第38条；粤港澳大湾区（内地、香港）个人信息跨境流动标准合同；PDPO 第33条（未生效）及保障資料第3原則',
      category: 'assessment_results',
      datasetIds: [dataset.id],
      fields: ['学号', '年龄', '性别', '出生日期', '地区', '年级', '学校类型', '成绩'],
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
      piaRef: 'PIA-DEMO-2026-01',
      filingRef: 'GBA-SC-DEMO-0001',
      secretCiphertext: sealAgreementSecret(id, newAgreementSecret()),
      epsilonTotalNanos: epsilonToNanos(rule.epsilonPerPeriod),
      periodDays: rule.periodDays,
      createdBy: steward,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'privacy.agreement.create',
      targetType: 'privacy_agreement',
      targetId: id,
      jurisdictionId: gd.id,
      details: { demo: true, partner: 'HK' },
    });
  });
}

/** The `gd-steward` demo account (demo.data.ts), added here too for data dirs seeded before it existed. */
async function ensureGdSteward(db: Db, gdId: string): Promise<string | null> {
  const [present] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'gd-steward'));
  if (present) return present.id;
  const account = ACCOUNTS.find((a) => a.username === 'gd-steward');
  if (!account) return null;
  const [demoAdmin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo-admin'));
  if (!demoAdmin) return null; // not a demo node
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: account.username, displayName: account.displayName, locale: account.locale, jurisdictionId: gdId })
      .returning({ id: users.id });
    await tx.insert(passwordCredentials).values({ userId: u.id, hash });
    await tx.insert(memberships).values({ userId: u.id, role: 'data_steward', jurisdictionId: gdId });
    return u.id;
  });
}
