import { and, count, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { federationPolicy } from './federation.policy.ts';
import { federatedItems, federationHeld, type FederatedItemRow } from './federation.schema.ts';
import { levelRank, type PublishLevel } from '../../../shared/library.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';

const PAGE = 50;

/**
 * Items received from peers, newest first. Any signed-in user may read them: a peer sends only what was
 * published to an audience that includes this node (bay area or wider for siblings; the parent's or this
 * node's level for parent and child), and the search index applies the same level rules.
 */
export async function listFederatedItems(ctx: { db: DbOrTx; actor: Actor | null }, q: { before?: string }): Promise<FederatedItemRow[]> {
  const actor = requireUser(ctx.actor);
  const wideCodes = await jurisdictionWideCodes(ctx.db, actor);
  const readable = or(
    inArray(federatedItems.level, ['bay-area', 'public']),
    wideCodes.length ? inArray(federatedItems.jurisdictionCode, wideCodes) : undefined,
  );
  return ctx.db
    .select()
    .from(federatedItems)
    .where(and(readable, q.before ? lt(federatedItems.id, q.before) : undefined))
    .orderBy(desc(federatedItems.id))
    .limit(PAGE);
}

export async function getFederatedItem(ctx: { db: DbOrTx; actor: Actor | null }, id: string): Promise<FederatedItemRow> {
  requireUser(ctx.actor);
  const [row] = await ctx.db.select().from(federatedItems).where(eq(federatedItems.id, id));
  // Below bay-area an item is meant for one jurisdiction's staff; the page shows it to them only.
  if (!row || !(await levelReadable(ctx.db, ctx.actor!, row))) throw new AppError('NOT_FOUND');
  return row;
}

/** Bay area and wider: every signed-in user; narrower: jurisdiction-wide staff of that jurisdiction (as search). */
async function levelReadable(db: DbOrTx, actor: Actor, row: FederatedItemRow): Promise<boolean> {
  if (levelRank(row.level as PublishLevel) >= levelRank('bay-area')) return true;
  return (await jurisdictionWideCodes(db, actor)).includes(row.jurisdictionCode);
}

/** Codes of the jurisdictions where the actor holds a jurisdiction-wide membership. */
async function jurisdictionWideCodes(db: DbOrTx, actor: Actor): Promise<string[]> {
  const ids = [...new Set(actor.memberships.filter((m) => !m.schoolId && !m.authorityUnitId).map((m) => m.jurisdictionId))];
  if (!ids.length) return [];
  return (await db.select({ code: jurisdictions.code }).from(jurisdictions).where(inArray(jurisdictions.id, ids))).map((j) => j.code);
}

/** Outgoing items held by the personal-data check (feed-health page; the stewards' notice links here). */
export async function listHeld(ctx: { db: DbOrTx; actor: Actor }) {
  requireRole(ctx.actor, federationPolicy.readHeld);
  // Node admins see every hold; a data steward those of the jurisdictions they look after.
  const all = ctx.actor.memberships.some((m) => (federationPolicy.managePeers as readonly string[]).includes(m.role));
  const mine = ctx.actor.memberships
    .filter((m) => (federationPolicy.heldNoticeTo as readonly string[]).includes(m.role))
    .map((m) => m.jurisdictionId);
  return ctx.db
    .select()
    .from(federationHeld)
    .where(all ? undefined : inArray(federationHeld.jurisdictionId, mine))
    .orderBy(desc(federationHeld.createdAt))
    .limit(PAGE);
}

/** Per active peer: received item count (feed health). */
export async function itemCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ peerId: federatedItems.peerId, n: count() }).from(federatedItems).groupBy(federatedItems.peerId);
  return new Map(rows.map((r) => [r.peerId, r.n]));
}
