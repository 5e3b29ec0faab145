import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import * as Y from 'yjs';
import type { CreateCommentBody, ReplyBody } from '../../../shared/api/collab.ts';
import { MAX_PAGE_SIZE } from '../../../shared/api/common.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { peopleByIds } from './collab.people.ts';
import { requireDocumentAccess } from './collab.policy.ts';
import { presentComment, presentThread } from './collab.present.ts';
import { collabComments as c } from './collab.schema.ts';
import type { CollabInternals } from './collab.service.ts';

interface Ctx {
  inner: CollabInternals;
  actor: Actor;
}

type CommentRow = typeof c.$inferSelect;

/** Comment threads on a document, oldest first, each with its replies (at most MAX_PAGE_SIZE threads). */
export async function listComments(ctx: Ctx, name: string) {
  const level = await requireDocumentAccess(ctx.inner, ctx.actor, name, 'read');
  const roots = await ctx.inner.db
    .select()
    .from(c)
    .where(and(eq(c.documentName, name), isNull(c.threadId)))
    .orderBy(asc(c.createdAt), asc(c.id))
    .limit(MAX_PAGE_SIZE);
  const replies = roots.length
    ? await ctx.inner.db
        .select()
        .from(c)
        .where(
          and(
            eq(c.documentName, name),
            inArray(
              c.threadId,
              roots.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(c.createdAt), asc(c.id))
    : [];
  const people = await peopleByIds(
    ctx.inner.db,
    [...roots, ...replies].flatMap((r) => [r.authorId, r.resolvedBy]),
  );
  const byThread = new Map<string, CommentRow[]>();
  for (const reply of replies) byThread.set(reply.threadId!, [...(byThread.get(reply.threadId!) ?? []), reply]);
  return {
    items: roots.map((root) => presentThread(root, byThread.get(root.id) ?? [], people, mayResolve(ctx.actor, level, root))),
  };
}

/** Starts a thread on a passage. The anchors must be Yjs relative positions, so they follow later edits. */
export async function createComment(ctx: Ctx, name: string, input: CreateCommentBody) {
  await requireDocumentAccess(ctx.inner, ctx.actor, name, 'write');
  for (const anchor of [input.anchor.from, input.anchor.to]) {
    try {
      Y.decodeRelativePosition(Buffer.from(anchor, 'base64'));
    } catch {
      throw new AppError('COLLAB_ANCHOR_INVALID');
    }
  }
  const [row] = await ctx.inner.db
    .insert(c)
    .values({
      documentName: name,
      authorId: ctx.actor.id!,
      body: input.body,
      anchorFrom: input.anchor.from,
      anchorTo: input.anchor.to,
      quote: input.quote,
    })
    .returning();
  return presentThread(row, [], await peopleByIds(ctx.inner.db, [row.authorId]), true);
}

export async function replyToComment(ctx: Ctx, name: string, threadId: string, input: ReplyBody) {
  await requireDocumentAccess(ctx.inner, ctx.actor, name, 'write');
  await threadOf(ctx, name, threadId);
  const [row] = await ctx.inner.db
    .insert(c)
    .values({ documentName: name, threadId, authorId: ctx.actor.id!, body: input.body })
    .returning();
  return presentComment(row, await peopleByIds(ctx.inner.db, [row.authorId]));
}

/** Resolves (or reopens) a thread: its author may, and so may anyone who edits the document (the course team). */
export async function resolveComment(ctx: Ctx, name: string, threadId: string, resolved: boolean) {
  const level = await requireDocumentAccess(ctx.inner, ctx.actor, name, 'read');
  const root = await threadOf(ctx, name, threadId);
  if (!mayResolve(ctx.actor, level, root)) throw new AppError('FORBIDDEN');
  const [row] = await ctx.inner.db
    .update(c)
    .set(resolved ? { resolvedAt: new Date(), resolvedBy: ctx.actor.id } : { resolvedAt: null, resolvedBy: null })
    .where(eq(c.id, threadId))
    .returning();
  const replies = await ctx.inner.db.select().from(c).where(eq(c.threadId, threadId)).orderBy(asc(c.createdAt), asc(c.id));
  const people = await peopleByIds(
    ctx.inner.db,
    [row, ...replies].flatMap((r) => [r.authorId, r.resolvedBy]),
  );
  return presentThread(row, replies, people, true);
}

function mayResolve(actor: Actor, level: 'read' | 'write', root: CommentRow): boolean {
  return level === 'write' || root.authorId === actor.id;
}

async function threadOf(ctx: Ctx, name: string, threadId: string): Promise<CommentRow> {
  const [root] = await ctx.inner.db
    .select()
    .from(c)
    .where(and(eq(c.id, threadId), eq(c.documentName, name), isNull(c.threadId)));
  if (!root) throw new AppError('NOT_FOUND');
  return root;
}
