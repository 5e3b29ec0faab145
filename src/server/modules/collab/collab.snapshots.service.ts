import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { CreateSnapshotBody } from '../../../shared/api/collab.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { MAX_PAGE_SIZE } from '../../../shared/api/common.ts';
import type { Actor } from '../identity/identity.access.ts';
import { replaceContent, stateToNode } from './collab.content.ts';
import { peopleByIds } from './collab.people.ts';
import { requireDocumentAccess } from './collab.policy.ts';
import { presentSnapshot } from './collab.present.ts';
import { collabSnapshots } from './collab.schema.ts';
import type { CollabInternals } from './collab.service.ts';

interface Ctx {
  inner: CollabInternals;
  actor: Actor;
}

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

/** Named versions of a document, newest first (at most MAX_PAGE_SIZE). */
export async function listSnapshots(ctx: Ctx, name: string) {
  await requireDocumentAccess(ctx.inner, ctx.actor, name, 'read');
  const rows = await ctx.inner.db
    .select()
    .from(collabSnapshots)
    .where(eq(collabSnapshots.documentName, name))
    .orderBy(desc(collabSnapshots.createdAt), desc(collabSnapshots.id))
    .limit(MAX_PAGE_SIZE);
  const people = await peopleByIds(
    ctx.inner.db,
    rows.map((r) => r.createdBy),
  );
  return { items: rows.map((r) => presentSnapshot(r, people)) };
}

/** Saves the document as it is now under a name the team chooses ("before the Macao review"). */
export async function createSnapshot(ctx: Ctx, name: string, input: CreateSnapshotBody) {
  await requireDocumentAccess(ctx.inner, ctx.actor, name, 'write');
  const state = (await ctx.inner.currentState(name)) ?? emptyState();
  const row = await ctx.inner.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(collabSnapshots)
      .values({ documentName: name, label: input.label, kind: 'named', state, createdBy: ctx.actor.id })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'collab.snapshot.create',
      targetType: 'collab_document',
      targetId: name,
      details: { snapshotId: created.id, label: input.label },
    });
    return created;
  });
  return presentSnapshot(row, await peopleByIds(ctx.inner.db, [row.createdBy]));
}

/**
 * Puts a version's content back into the live document (connected editors see it at once). The content
 * just before is saved first as an automatic version, so a restore can itself be undone by restoring that.
 */
export async function restoreSnapshot(ctx: Ctx, name: string, snapshotId: string) {
  await requireDocumentAccess(ctx.inner, ctx.actor, name, 'write');
  const [snapshot] = await ctx.inner.db
    .select()
    .from(collabSnapshots)
    .where(and(eq(collabSnapshots.id, snapshotId), eq(collabSnapshots.documentName, name)));
  if (!snapshot) throw new AppError('NOT_FOUND');
  const target = stateToNode(snapshot.state);
  const before = await ctx.inner.withLive(name, async (connection, live) => {
    const current = Y.encodeStateAsUpdate(live);
    const saved = await ctx.inner.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(collabSnapshots)
        .values({ documentName: name, label: snapshot.label, kind: 'before_restore', state: current, createdBy: ctx.actor.id })
        .returning();
      await recordAudit(tx, ctx.actor, {
        action: 'collab.snapshot.restore',
        targetType: 'collab_document',
        targetId: name,
        details: { snapshotId, label: snapshot.label, savedBeforeRestore: row.id },
      });
      return row;
    });
    await connection.transact((doc) => replaceContent(doc, target));
    return saved;
  });
  return { restored: snapshotId, savedBeforeRestore: presentSnapshot(before, await peopleByIds(ctx.inner.db, [before.createdBy])) };
}
