import { desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { TProposeBody } from '../../../shared/api/network.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import { networkPolicy } from './network.policy.ts';
import { presentPair } from './network.present.ts';
import { networkPairs } from './network.schema.ts';
import {
  actingSchool,
  loadSchool,
  nameIn,
  notifyLocalised,
  openPairBetween,
  ownSchoolIds,
  reaches,
  usersWithRoleAt,
} from './network.store.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type PairRow = typeof networkPairs.$inferSelect;

/**
 * A pair the actor may read (staff of either school, or a bureau above either), else NOT_FOUND like a
 * missing one. Locks the row when asked, for decisions.
 */
export async function loadReadablePair(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(networkPairs).where(eq(networkPairs.id, id));
  const [pair] = lock ? await q.for('update') : await q;
  if (!pair) throw new AppError('NOT_FOUND');
  const [a, b] = await Promise.all([loadSchool(db, pair.schoolAId), loadSchool(db, pair.schoolBId)]);
  if (!reaches(actor, networkPolicy.readPair, a) && !reaches(actor, networkPolicy.readPair, b)) throw new AppError('NOT_FOUND');
  return { pair, a, b };
}

async function briefs(db: DbOrTx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: schools.id, code: schools.code, names: schools.names, jurisdiction: jurisdictions.code })
        .from(schools)
        .innerJoin(jurisdictions, eq(jurisdictions.id, schools.jurisdictionId))
        .where(inArray(schools.id, ids))
    : [];
  return new Map(rows.map((r) => [r.id, r as { id: string; code: string; names: LocalisedName; jurisdiction: string }]));
}

function viewFor(actor: Actor, pair: PairRow) {
  const principalOf = ownSchoolIds(actor, networkPolicy.principal);
  const recorderOf = ownSchoolIds(actor, networkPolicy.recordExchange);
  const mySide = recorderOf.includes(pair.schoolAId) ? 'a' : recorderOf.includes(pair.schoolBId) ? 'b' : null;
  return {
    // Only the other school's principal completes the agreement; the proposer's principal already said yes.
    canDecide: pair.status === 'proposed' && principalOf.includes(pair.schoolBId),
    canRecord: pair.status === 'active' && mySide !== null,
    mySide: mySide as 'a' | 'b' | null,
  };
}

async function present(db: DbOrTx, actor: Actor, pairs: PairRow[]) {
  const names = await briefs(db, [...new Set(pairs.flatMap((p) => [p.schoolAId, p.schoolBId]))]);
  return pairs.map((p) => presentPair(p, names.get(p.schoolAId)!, names.get(p.schoolBId)!, viewFor(actor, p)));
}

/** A principal proposes a sister-school agreement to another school; that school's principals are told. */
export async function proposePair(ctx: Ctx, body: TProposeBody) {
  const actor = requireUser(ctx.actor);
  const fromId = actingSchool(actor, networkPolicy.principal, body.fromSchoolId);
  if (fromId === body.partnerSchoolId) throw new AppError('NETWORK_SAME_SCHOOL');
  const partner = await loadSchool(ctx.db, body.partnerSchoolId);
  const from = await loadSchool(ctx.db, fromId);
  const id = await ctx.db.transaction(async (tx) => {
    // Serialise proposals between the same two schools, so two clicks never make two pairs.
    const [x, y] = [fromId, partner.id].sort();
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'network.pair:' + x + ':' + y}))`);
    if (await openPairBetween(tx, fromId, partner.id)) throw new AppError('NETWORK_PAIR_EXISTS');
    const [p] = await tx
      .insert(networkPairs)
      .values({
        schoolAId: fromId,
        schoolBId: partner.id,
        status: 'proposed',
        message: body.message,
        goals: body.terms.goals,
        termStart: body.terms.termStart,
        termEnd: body.terms.termEnd,
        renewal: body.terms.renewal,
        approvedByA: actor.id,
      })
      .returning({ id: networkPairs.id });
    await recordAudit(tx, actor, {
      action: 'network.pair.propose',
      targetType: 'network_pair',
      targetId: p.id,
      jurisdictionId: from.jurisdictionId,
      schoolId: fromId,
      details: { partnerSchoolId: partner.id },
    });
    await notifyLocalised(tx, {
      userIds: await usersWithRoleAt(tx, partner.id, 'principal'),
      kind: 'network.proposal',
      data: (language) => ({ pairId: p.id, school: nameIn(from.names, language) }),
      link: `/network/pairs/${p.id}`,
    });
    return p.id;
  });
  return getPair(ctx, id);
}

/**
 * The other school's principal accepts (the agreement starts) or declines. The proposer's side cannot decide
 * for both: an agreement needs a principal of each school.
 */
export async function decidePair(ctx: Ctx, id: string, decision: 'accept' | 'decline') {
  const actor = requireUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { pair, a, b } = await loadReadablePair(tx, actor, id, true);
    if (!ownSchoolIds(actor, networkPolicy.principal).includes(pair.schoolBId)) throw new AppError('FORBIDDEN');
    if (pair.status !== 'proposed') throw new AppError('NETWORK_PAIR_NOT_PENDING');
    const accepted = decision === 'accept';
    await tx
      .update(networkPairs)
      .set({ status: accepted ? 'active' : 'declined', approvedByB: accepted ? actor.id : null, decidedAt: new Date() })
      .where(eq(networkPairs.id, id));
    await recordAudit(tx, actor, {
      action: accepted ? 'network.pair.accept' : 'network.pair.decline',
      targetType: 'network_pair',
      targetId: id,
      jurisdictionId: b.jurisdictionId,
      schoolId: b.id,
      details: { partnerSchoolId: a.id },
    });
    const told = new Set(await usersWithRoleAt(tx, a.id, 'principal'));
    if (pair.approvedByA) told.add(pair.approvedByA);
    await notifyLocalised(tx, {
      userIds: [...told],
      kind: accepted ? 'network.accepted' : 'network.declined',
      data: (language) => ({ pairId: id, school: nameIn(b.names, language) }),
      link: `/network/pairs/${id}`,
    });
  });
  return getPair(ctx, id);
}

export async function getPair(ctx: Ctx, id: string) {
  const actor = requireUser(ctx.actor);
  const { pair } = await loadReadablePair(ctx.db, actor, id);
  return (await present(ctx.db, actor, [pair]))[0];
}

/** Pairs of the schools the actor reaches: their own school's for staff, their area's for a bureau. */
export async function listPairs(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const reachable = ctx.db.select({ id: schools.id }).from(schools).where(schoolsInScope(actor, networkPolicy.readPair));
  const rows = await ctx.db
    .select()
    .from(networkPairs)
    .where(or(inArray(networkPairs.schoolAId, reachable), inArray(networkPairs.schoolBId, reachable)))
    .orderBy(desc(networkPairs.createdAt))
    .limit(500);
  return { items: await present(ctx.db, actor, rows) };
}
