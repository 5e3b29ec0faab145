import type { BlobStore } from '../blobs/blob-store.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../modules/identity/identity.access.ts';
import { hashPassword } from '../modules/identity/identity.passwords.ts';
import { classEnrollments, memberships, passwordCredentials, users } from '../modules/identity/identity.schema.ts';
import { currentSchoolYear } from '../modules/identity/identity.roster.service.ts';
import { authorityUnits, classes, jurisdictions, schools } from '../modules/tenancy/tenancy.schema.ts';
import { seedRecordsDemo } from '../modules/records/records.demo.ts';
import { seedLibraryDemo } from '../modules/library/library.demo.ts';
import { seedPrivacyDemo } from '../modules/privacy/privacy.demo.ts';
import { seedGrowthDemo } from '../modules/growth/growth.demo.ts';
import { seedTrainingDemo } from '../modules/training/training.demo.ts';
import { seedNetworkDemo } from '../modules/network/network.demo.ts';
import { seedContestsDemo } from '../modules/contests/contests.demo.ts';
import { seedCoursesDemo } from '../modules/courses/courses.demo.ts';
import { seedInsightsDemo } from '../modules/insights/insights.demo.ts';
import { ACCOUNTS, classmates, DEMO_PASSWORD, JURISDICTIONS, SCHOOLS, UNITS } from './demo.data.ts';

/** The four jurisdictions every node knows; seeded on every start, demo or not. */
export async function seedJurisdictions(db: DbOrTx): Promise<Map<string, string>> {
  await db.insert(jurisdictions).values(JURISDICTIONS).onConflictDoNothing({ target: jurisdictions.code });
  const rows = await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions);
  return new Map(rows.map((r) => [r.code, r.id]));
}

export interface SeedResult {
  created: boolean;
  schools: { code: string; name: string }[];
}

/**
 * Seeds the demo world. Idempotent: every insert is keyed by a natural code or username and skips what
 * exists, so a restart or a second `edubridge seed` changes nothing.
 */
export async function seedDemo(db: Db, deps: { blobs?: BlobStore } = {}): Promise<SeedResult> {
  const result = await seedDemoTree(db);
  // Module demo data: each seeder is idempotent and cheap when its data is present, so a data dir seeded
  // by an older version gains the newer modules' demo on the next start.
  await seedPrivacyDemo(db);
  await seedGrowthDemo(db);
  await seedTrainingDemo(db);
  await seedNetworkDemo(db);
  await seedContestsDemo(db);
  await seedCoursesDemo(db);
  // Without a blob store (a bare `edubridge seed` run elsewhere) the demo PDF is skipped.
  await seedLibraryDemo(db, deps.blobs ?? null);
  // Last: the indicator history reads every other module's demo data.
  await seedInsightsDemo(db);
  return result;
}

/** The tree, schools, classes and accounts: one transaction, skipped whole when already present. */
async function seedDemoTree(db: Db): Promise<SeedResult> {
  const schoolsSummary = SCHOOLS.map((s) => ({ code: s.code, name: s.names.en }));
  const [present] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo-admin'));
  if (present) return { created: false, schools: schoolsSummary };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const jur = await seedJurisdictions(tx);
    const [already] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'demo-admin'));

    const unitIds = new Map<string, { id: string; ancestorIds: string[] }>();
    for (const u of UNITS) {
      const parent = u.parent ? unitIds.get(u.parent)! : null;
      const [existing] = await tx.select().from(authorityUnits).where(eq(authorityUnits.code, u.code));
      if (existing) {
        unitIds.set(u.code, { id: existing.id, ancestorIds: existing.ancestorIds });
        continue;
      }
      const [row] = await tx
        .insert(authorityUnits)
        .values({
          code: u.code,
          jurisdictionId: jur.get(u.jurisdiction)!,
          parentId: parent?.id ?? null,
          level: u.level,
          names: u.names,
          ancestorIds: [],
        })
        .returning({ id: authorityUnits.id });
      const ancestorIds = [...(parent?.ancestorIds ?? []), row.id];
      await tx.update(authorityUnits).set({ ancestorIds }).where(eq(authorityUnits.id, row.id));
      unitIds.set(u.code, { id: row.id, ancestorIds });
    }

    const schoolYear = currentSchoolYear();
    const schoolIds = new Map<string, { id: string; jurisdictionId: string }>();
    const classIds = new Map<string, string>();
    for (const s of SCHOOLS) {
      const unit = unitIds.get(s.unit)!;
      const jurisdictionId = jur.get(UNITS.find((u) => u.code === s.unit)!.jurisdiction)!;
      await tx
        .insert(schools)
        .values({
          code: s.code,
          names: s.names,
          jurisdictionId,
          authorityUnitId: unit.id,
          authorityPath: unit.ancestorIds,
          stage: s.stage,
          languages: s.languages,
        })
        .onConflictDoNothing({ target: schools.code });
      const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.code, s.code));
      schoolIds.set(s.code, { id: school.id, jurisdictionId });
      for (const c of s.classes) {
        await tx
          .insert(classes)
          .values({
            schoolId: school.id,
            jurisdictionId,
            code: c.code,
            name: c.name,
            grade: c.grade,
            schoolYear,
            sourceId: `demo:${c.code}`,
          })
          .onConflictDoNothing();
        const [cls] = await tx
          .select({ id: classes.id })
          .from(classes)
          .where(and(eq(classes.schoolId, school.id), eq(classes.sourceId, `demo:${c.code}`)));
        classIds.set(`${s.code}/${c.code}`, cls.id);
      }
    }

    for (const a of ACCOUNTS) {
      const school = a.school ? schoolIds.get(a.school)! : null;
      await tx
        .insert(users)
        .values({
          username: a.username,
          displayName: a.displayName,
          locale: a.locale,
          jurisdictionId: jur.get(a.jurisdiction)!,
          schoolId: school?.id ?? null,
          studentNumber: a.roles[0].role === 'student' ? `DEMO${a.username.slice(0, 2).toUpperCase()}01` : null,
        })
        .onConflictDoNothing({ target: users.username });
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, a.username));
      await tx.insert(passwordCredentials).values({ userId: user.id, hash: passwordHash }).onConflictDoNothing();
      for (const r of a.roles) {
        await tx
          .insert(memberships)
          .values({
            userId: user.id,
            role: r.role,
            jurisdictionId: jur.get(r.jurisdiction)!,
            authorityUnitId: r.unit ? unitIds.get(r.unit)!.id : null,
            schoolId: r.school ? schoolIds.get(r.school)!.id : null,
          })
          .onConflictDoNothing();
      }
      for (const [i, code] of (a.classes ?? []).entries()) {
        const classId = classIds.get(`${a.school}/${code}`)!;
        const role = a.roles[0].role === 'student' ? 'student' : 'teacher';
        await tx.insert(classEnrollments).values({ classId, userId: user.id, schoolId: school!.id, role }).onConflictDoNothing();
        if (role === 'teacher' && i === 0) await tx.update(classes).set({ homeroomTeacherId: user.id }).where(eq(classes.id, classId));
      }
    }

    for (const s of SCHOOLS) {
      const school = schoolIds.get(s.code)!;
      const traditional = s.languages[0].startsWith('zh-Hant');
      for (const c of s.classes) {
        const classId = classIds.get(`${s.code}/${c.code}`)!;
        const mates = classmates(s.code, c.code, 12, traditional);
        // One statement per table per class: the embedded database pays per round trip.
        await tx
          .insert(users)
          .values(
            mates.map((m) => ({
              username: `${s.code}-${m.number}`.toLowerCase(),
              displayName: m.displayName,
              locale: traditional ? ('zh-Hant' as const) : ('zh-Hans' as const),
              jurisdictionId: school.jurisdictionId,
              schoolId: school.id,
              studentNumber: m.number,
              sourceId: `demo:${m.number}`,
            })),
          )
          .onConflictDoNothing({ target: users.username });
        const ids = await tx
          .select({ id: users.id })
          .from(users)
          .where(
            inArray(
              users.username,
              mates.map((m) => `${s.code}-${m.number}`.toLowerCase()),
            ),
          );
        await tx
          .insert(memberships)
          .values(
            ids.map(({ id }) => ({ userId: id, role: 'student' as const, jurisdictionId: school.jurisdictionId, schoolId: school.id })),
          )
          .onConflictDoNothing();
        await tx
          .insert(classEnrollments)
          .values(ids.map(({ id }) => ({ classId, userId: id, schoolId: school.id, role: 'student' as const })))
          .onConflictDoNothing();
      }
    }
    await seedRecordsDemo(tx);
    if (!already)
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.seed', details: { schools: SCHOOLS.length, accounts: ACCOUNTS.length } });
    return { created: !already, schools: schoolsSummary };
  });
}
