import { and, asc, desc, eq, inArray, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hasAnyRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { createResource } from '../library/library.resources.service.ts';
import { submitResource } from '../library/library.review.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { DocumentKind, ProjectRole, TaskStatus } from '../../../shared/api/network.ts';
import { networkPolicy } from './network.policy.ts';
import {
  networkDocuments,
  networkMilestones,
  networkPosts,
  networkProjectMembers,
  networkProjects,
  networkTasks,
  networkThreads,
} from './network.schema.ts';
import { actingSchool } from './network.store.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type ProjectRow = typeof networkProjects.$inferSelect;

/**
 * A project the actor may read: members always; other staff only once it is published. Anyone else gets
 * NOT_FOUND, so a private project's threads and documents do not even show that they exist.
 */
async function loadProject(db: DbOrTx, actor: Actor, id: string) {
  const [p] = await db.select().from(networkProjects).where(eq(networkProjects.id, id));
  if (!p) throw new AppError('NOT_FOUND');
  const [m] = await db
    .select()
    .from(networkProjectMembers)
    .where(
      and(eq(networkProjectMembers.projectId, id), eq(networkProjectMembers.userId, actor.id ?? '00000000-0000-0000-0000-000000000000')),
    );
  if (!m && !(p.status === 'published' && hasAnyRole(actor, networkPolicy.staff))) throw new AppError('NOT_FOUND');
  return { project: p, member: m ?? null };
}

async function loadAsMember(db: DbOrTx, actor: Actor, id: string, opts: { lead?: boolean } = {}) {
  const loaded = await loadProject(db, actor, id);
  if (!loaded.member) throw new AppError('FORBIDDEN');
  if (opts.lead && loaded.member.role !== 'lead') throw new AppError('FORBIDDEN');
  return { project: loaded.project, member: loaded.member };
}

async function members(db: DbOrTx, projectId: string) {
  return db
    .select({
      userId: networkProjectMembers.userId,
      displayName: users.displayName,
      username: users.username,
      role: networkProjectMembers.role,
      jurisdiction: jurisdictions.code,
      school: schools.names,
      schoolId: networkProjectMembers.schoolId,
    })
    .from(networkProjectMembers)
    .innerJoin(users, eq(users.id, networkProjectMembers.userId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, networkProjectMembers.jurisdictionId))
    .leftJoin(schools, eq(schools.id, networkProjectMembers.schoolId))
    .where(eq(networkProjectMembers.projectId, projectId))
    .orderBy(asc(networkProjectMembers.createdAt));
}

function summary(p: ProjectRow, ms: Awaited<ReturnType<typeof members>>) {
  return {
    id: p.id,
    title: p.title,
    question: p.question,
    status: p.status,
    outputResourceId: p.outputResourceId,
    jurisdictions: [...new Set(ms.map((m) => m.jurisdiction))].sort(),
    memberCount: ms.length,
    createdAt: p.createdAt.toISOString(),
  };
}

export async function createProject(ctx: Ctx, body: { title: string; question: string; schoolId?: string }) {
  const actor = requireUser(ctx.actor);
  const schoolId = actingSchool(actor, networkPolicy.startProject, body.schoolId);
  const [school] = await ctx.db.select().from(schools).where(eq(schools.id, schoolId));
  const id = await ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(networkProjects)
      .values({ title: body.title, question: body.question, createdBy: actor.id! })
      .returning({ id: networkProjects.id });
    await tx
      .insert(networkProjectMembers)
      .values({ projectId: p.id, userId: actor.id!, schoolId, jurisdictionId: school.jurisdictionId, role: 'lead' });
    await recordAudit(tx, actor, {
      action: 'network.project.create',
      targetType: 'network_project',
      targetId: p.id,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: { title: body.title },
    });
    return p.id;
  });
  return getProject(ctx, id);
}

/** The actor's projects, plus published ones (readable by all staff). */
export async function listProjects(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const mine = ctx.db
    .select({ id: networkProjectMembers.projectId })
    .from(networkProjectMembers)
    .where(eq(networkProjectMembers.userId, actor.id!));
  const rows = await ctx.db
    .select()
    .from(networkProjects)
    .where(
      hasAnyRole(actor, networkPolicy.staff)
        ? or(inArray(networkProjects.id, mine), eq(networkProjects.status, 'published'))
        : inArray(networkProjects.id, mine),
    )
    .orderBy(desc(networkProjects.createdAt))
    .limit(200);
  const items = [];
  for (const p of rows) items.push({ ...summary(p, await members(ctx.db, p.id)) });
  return { items };
}

export async function getProject(ctx: Ctx, id: string) {
  const actor = requireUser(ctx.actor);
  const { project, member } = await loadProject(ctx.db, actor, id);
  const ms = await members(ctx.db, id);
  const [milestones, tasks] = await Promise.all([
    ctx.db.select().from(networkMilestones).where(eq(networkMilestones.projectId, id)).orderBy(asc(networkMilestones.dueOn)),
    ctx.db.select().from(networkTasks).where(eq(networkTasks.projectId, id)).orderBy(asc(networkTasks.createdAt)),
  ]);
  return {
    ...summary(project, ms),
    myRole: member?.role ?? null,
    members: ms,
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn })),
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, assigneeId: t.assigneeId })),
  };
}

/** The lead invites a staff member (any school, any jurisdiction) by username; they are told. */
export async function addMember(ctx: Ctx, id: string, body: { username: string; role: ProjectRole }) {
  const actor = requireUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    await loadAsMember(tx, actor, id, { lead: true });
    const [u] = await tx
      .select()
      .from(users)
      .where(and(eq(users.username, body.username), eq(users.status, 'active')));
    if (!u) throw new AppError('NOT_FOUND');
    // Students do not join research projects: a member needs a staff role somewhere.
    const [staff] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, u.id), ne(memberships.role, 'student')));
    if (!staff) throw new AppError('NETWORK_NOT_STAFF');
    const [already] = await tx
      .select()
      .from(networkProjectMembers)
      .where(and(eq(networkProjectMembers.projectId, id), eq(networkProjectMembers.userId, u.id)));
    if (already) throw new AppError('NETWORK_ALREADY_MEMBER');
    await tx.insert(networkProjectMembers).values({
      projectId: id,
      userId: u.id,
      schoolId: u.schoolId,
      jurisdictionId: u.jurisdictionId,
      role: body.role === 'lead' ? 'researcher' : body.role,
    });
    await recordAudit(tx, actor, {
      action: 'network.project.member.add',
      targetType: 'network_project',
      targetId: id,
      jurisdictionId: u.jurisdictionId,
      schoolId: u.schoolId,
      details: { userId: u.id, role: body.role },
    });
    const [p] = await tx.select({ title: networkProjects.title }).from(networkProjects).where(eq(networkProjects.id, id));
    await notify(tx, {
      userIds: [u.id],
      kind: 'network.invitation',
      data: { projectId: id, title: p.title },
      link: `/network/projects/${id}`,
    });
  });
  return getProject(ctx, id);
}

export async function addMilestone(ctx: Ctx, id: string, body: { title: string; dueOn: string }) {
  const actor = requireUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { member } = await loadAsMember(tx, actor, id);
    const [m] = await tx
      .insert(networkMilestones)
      .values({ projectId: id, ...body })
      .returning({ id: networkMilestones.id });
    await audit(tx, actor, member, id, 'network.project.milestone', { milestoneId: m.id });
  });
  return getProject(ctx, id);
}

export async function addTask(ctx: Ctx, id: string, body: { title: string; assigneeId?: string }) {
  const actor = requireUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { member } = await loadAsMember(tx, actor, id);
    if (body.assigneeId) {
      const ms = await members(tx, id);
      if (!ms.some((m) => m.userId === body.assigneeId)) throw new AppError('NETWORK_NOT_MEMBER');
    }
    const [t] = await tx
      .insert(networkTasks)
      .values({ projectId: id, title: body.title, assigneeId: body.assigneeId ?? null })
      .returning({ id: networkTasks.id });
    await audit(tx, actor, member, id, 'network.project.task', { taskId: t.id });
  });
  return getProject(ctx, id);
}

export async function moveTask(ctx: Ctx, taskId: string, status: TaskStatus) {
  const actor = requireUser(ctx.actor);
  const [t] = await ctx.db.select().from(networkTasks).where(eq(networkTasks.id, taskId));
  if (!t) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const { member } = await loadAsMember(tx, actor, t.projectId);
    await tx.update(networkTasks).set({ status, updatedAt: new Date() }).where(eq(networkTasks.id, taskId));
    await audit(tx, actor, member, t.projectId, 'network.project.task.move', { taskId, status });
  });
  return getProject(ctx, t.projectId);
}

async function audit(
  tx: DbOrTx,
  actor: Actor,
  member: typeof networkProjectMembers.$inferSelect,
  projectId: string,
  action: string,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, actor, {
    action,
    targetType: 'network_project',
    targetId: projectId,
    jurisdictionId: member.jurisdictionId,
    schoolId: member.schoolId,
    details,
  });
}

// Threads -------------------------------------------------------------------------------------------------

export async function listThreads(ctx: Ctx, id: string) {
  const actor = requireUser(ctx.actor);
  await loadProject(ctx.db, actor, id);
  const threads = await ctx.db.select().from(networkThreads).where(eq(networkThreads.projectId, id)).orderBy(asc(networkThreads.createdAt));
  const posts = threads.length
    ? await ctx.db
        .select({
          id: networkPosts.id,
          threadId: networkPosts.threadId,
          body: networkPosts.body,
          author: users.displayName,
          createdAt: networkPosts.createdAt,
        })
        .from(networkPosts)
        .innerJoin(users, eq(users.id, networkPosts.authorId))
        .where(
          inArray(
            networkPosts.threadId,
            threads.map((t) => t.id),
          ),
        )
        .orderBy(asc(networkPosts.createdAt))
    : [];
  return {
    items: threads.map((t) => ({
      id: t.id,
      title: t.title,
      posts: posts
        .filter((p) => p.threadId === t.id)
        .map((p) => ({ id: p.id, body: p.body, author: p.author, createdAt: p.createdAt.toISOString() })),
    })),
  };
}

/** `@username` in a post tells that member (only members: a mention never leaks a private project). */
export function mentionedUsernames(body: string): string[] {
  return [...new Set([...body.matchAll(/@([A-Za-z0-9][A-Za-z0-9._-]{1,60})/g)].map((m) => m[1].toLowerCase()))];
}

async function post(tx: DbOrTx, actor: Actor, projectId: string, threadId: string, body: string) {
  await tx.insert(networkPosts).values({ threadId, authorId: actor.id!, body });
  const names = mentionedUsernames(body);
  if (!names.length) return;
  const ms = await members(tx, projectId);
  const userIds = ms.filter((m) => names.includes(m.username.toLowerCase()) && m.userId !== actor.id).map((m) => m.userId);
  const [p] = await tx.select({ title: networkProjects.title }).from(networkProjects).where(eq(networkProjects.id, projectId));
  await notify(tx, {
    userIds,
    kind: 'network.mention',
    data: { projectId, title: p.title, by: actor.username },
    link: `/network/projects/${projectId}`,
  });
}

export async function createThread(ctx: Ctx, id: string, body: { title: string; body: string }) {
  const actor = requireUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { member } = await loadAsMember(tx, actor, id);
    const [t] = await tx
      .insert(networkThreads)
      .values({ projectId: id, title: body.title, createdBy: actor.id! })
      .returning({ id: networkThreads.id });
    await post(tx, actor, id, t.id, body.body);
    await audit(tx, actor, member, id, 'network.project.thread', { threadId: t.id });
  });
  return listThreads(ctx, id);
}

export async function replyToThread(ctx: Ctx, threadId: string, body: string) {
  const actor = requireUser(ctx.actor);
  const [t] = await ctx.db.select().from(networkThreads).where(eq(networkThreads.id, threadId));
  if (!t) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const { member } = await loadAsMember(tx, actor, t.projectId);
    await post(tx, actor, t.projectId, threadId, body);
    await audit(tx, actor, member, t.projectId, 'network.project.post', { threadId });
  });
  return listThreads(ctx, t.projectId);
}

// Documents -----------------------------------------------------------------------------------------------

const ZUrl = z.url({ protocol: /^https?$/ });
const ZUuid = z.uuid();

export async function listDocuments(ctx: Ctx, id: string) {
  const actor = requireUser(ctx.actor);
  await loadProject(ctx.db, actor, id);
  const rows = await ctx.db
    .select()
    .from(networkDocuments)
    .where(eq(networkDocuments.projectId, id))
    .orderBy(asc(networkDocuments.createdAt));
  return {
    items: rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      ref: d.ref,
      title: d.title,
      // Where the link opens in the app: library resources and courses by id, anything else as given.
      href:
        d.kind === 'resource' && ZUuid.safeParse(d.ref).success
          ? `/library/resources/${d.ref}`
          : d.kind === 'course' && ZUuid.safeParse(d.ref).success
            ? `/courses/${d.ref}`
            : d.ref,
    })),
  };
}

export async function addDocument(ctx: Ctx, id: string, body: { kind: DocumentKind; ref: string; title: string }) {
  const actor = requireUser(ctx.actor);
  // A library item or course is named by id or by URL; a plain link must be a web address.
  const ok =
    body.kind === 'link' ? ZUrl.safeParse(body.ref).success : ZUuid.safeParse(body.ref).success || ZUrl.safeParse(body.ref).success;
  if (!ok) throw new AppError('NETWORK_DOCUMENT_REF_INVALID');
  await ctx.db.transaction(async (tx) => {
    const { member } = await loadAsMember(tx, actor, id);
    const [d] = await tx
      .insert(networkDocuments)
      .values({ projectId: id, ...body, addedBy: actor.id! })
      .returning({ id: networkDocuments.id });
    await audit(tx, actor, member, id, 'network.project.document', { documentId: d.id, kind: body.kind });
  });
  return listDocuments(ctx, id);
}

// Publishing ----------------------------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The lead publishes the project's output to the library: a draft resource at the lead's school (the
 * library's own createResource, so sanitising, versions, search and audit are the library's), submitted for
 * school-level review with submitResource. The project then becomes readable by all staff. Two library
 * transactions run first; if the last step failed the draft would stay with its author, visible to them only.
 */
export async function publishProject(
  ctx: Ctx,
  id: string,
  body: { title: string; summary: string; language: 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-MO' | 'en' | 'pt' },
) {
  const actor = requireUser(ctx.actor);
  const { project, member } = await loadAsMember(ctx.db, actor, id, { lead: true });
  if (project.status === 'published') throw new AppError('NETWORK_PROJECT_PUBLISHED');
  const ms = await members(ctx.db, id);
  const [milestones, tasks, docs] = await Promise.all([
    ctx.db.select().from(networkMilestones).where(eq(networkMilestones.projectId, id)).orderBy(asc(networkMilestones.dueOn)),
    ctx.db
      .select()
      .from(networkTasks)
      .where(and(eq(networkTasks.projectId, id), eq(networkTasks.status, 'done'))),
    ctx.db.select().from(networkDocuments).where(eq(networkDocuments.projectId, id)),
  ]);
  const html = [
    `<h2>${escapeHtml(project.question)}</h2>`,
    `<p>${ms.map((m) => `${escapeHtml(m.displayName)} (${m.jurisdiction})`).join(', ')}</p>`,
    milestones.length ? `<ul>${milestones.map((m) => `<li>${escapeHtml(m.dueOn)} ${escapeHtml(m.title)}</li>`).join('')}</ul>` : '',
    tasks.length ? `<ul>${tasks.map((t) => `<li>${escapeHtml(t.title)}</li>`).join('')}</ul>` : '',
    docs.length ? `<ul>${docs.map((d) => `<li>${escapeHtml(d.title)}: ${escapeHtml(d.ref)}</li>`).join('')}</ul>` : '',
  ].join('');
  const resource = await createResource(
    { db: ctx.db, actor },
    {
      title: body.title,
      summary: body.summary,
      body: html,
      language: body.language,
      subject: 'ai',
      gradeBand: 'junior',
      grades: [],
      aiCompetencies: [],
      keywords: ['network-project'],
      licence: 'CC-BY-4.0',
      schoolId: member.schoolId ?? undefined,
    },
  );
  await submitResource({ db: ctx.db, actor }, resource.id, { level: 'school', note: `network project ${id}` });
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(networkProjects).where(eq(networkProjects.id, id)).for('update');
    if (locked.status === 'published') throw new AppError('NETWORK_PROJECT_PUBLISHED');
    await tx.update(networkProjects).set({ status: 'published', outputResourceId: resource.id }).where(eq(networkProjects.id, id));
    await audit(tx, actor, member, id, 'network.project.publish', { resourceId: resource.id });
    await notify(tx, {
      userIds: ms.map((m) => m.userId).filter((u) => u !== actor.id),
      kind: 'network.published',
      data: { projectId: id, title: project.title, resourceId: resource.id },
      link: `/network/projects/${id}`,
    });
  });
  return getProject(ctx, id);
}
