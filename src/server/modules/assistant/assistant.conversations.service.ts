import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser, type Actor } from '../identity/identity.access.ts';
import { classEnrollments, users } from '../identity/identity.schema.ts';
import { classes } from '../tenancy/tenancy.schema.ts';
import { presentConversation, presentMessage } from './assistant.present.ts';
import { schoolSettingsOf } from './assistant.settings.service.ts';
import { assistantAssessedTopics, assistantConversations, assistantMessages } from './assistant.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

export async function listConversations(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(assistantConversations)
    .where(eq(assistantConversations.userId, actor.id ?? ''))
    .orderBy(desc(assistantConversations.updatedAt))
    .limit(100);
  return { items: rows.map(presentConversation) };
}

async function messagesOf(db: DbOrTx, conversationId: string) {
  const rows = await db
    .select()
    .from(assistantMessages)
    .where(eq(assistantMessages.conversationId, conversationId))
    .orderBy(asc(assistantMessages.createdAt), asc(assistantMessages.id));
  return rows.map(presentMessage);
}

/** Own conversation; 404 for anyone else's (teachers read students' tutor chats through their class). */
export async function getConversation(ctx: Ctx, id: string) {
  const actor = requireUser(ctx.actor);
  const [c] = await ctx.db
    .select()
    .from(assistantConversations)
    .where(and(eq(assistantConversations.id, id), eq(assistantConversations.userId, actor.id ?? '')));
  if (!c) throw new AppError('NOT_FOUND');
  return { ...presentConversation(c), messages: await messagesOf(ctx.db, id) };
}

/** A class the actor teaches (enrolled as its teacher, or its homeroom teacher); else 404. */
async function taughtClass(db: DbOrTx, actor: Actor, classId: string) {
  const [cls] = await db
    .select({ id: classes.id, schoolId: classes.schoolId, jurisdictionId: classes.jurisdictionId, homeroom: classes.homeroomTeacherId })
    .from(classes)
    .where(eq(classes.id, classId));
  if (!cls || !actor.id) throw new AppError('NOT_FOUND');
  if (cls.homeroom === actor.id) return cls;
  const [teaches] = await db
    .select({ id: classEnrollments.id })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.classId, classId), eq(classEnrollments.userId, actor.id), eq(classEnrollments.role, 'teacher')));
  if (!teaches) throw new AppError('NOT_FOUND');
  return cls;
}

/** The classes the actor teaches (as a class teacher or its homeroom teacher): where they mark assessed work. */
export async function taughtClasses(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  if (!actor.id) return { items: [] };
  const teaching = ctx.db
    .select({ classId: classEnrollments.classId })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.userId, actor.id), eq(classEnrollments.role, 'teacher')));
  const rows = await ctx.db
    .select({ id: classes.id, name: classes.name, grade: classes.grade, schoolYear: classes.schoolYear, schoolId: classes.schoolId })
    .from(classes)
    .where(or(eq(classes.homeroomTeacherId, actor.id), inArray(classes.id, teaching)))
    .orderBy(desc(classes.schoolYear), asc(classes.grade), asc(classes.name))
    .limit(200);
  return { items: rows };
}

export async function listAssessedTopics(ctx: Ctx, classId: string) {
  const actor = requireUser(ctx.actor);
  await taughtClass(ctx.db, actor, classId);
  const rows = await ctx.db
    .select({ id: assistantAssessedTopics.id, topic: assistantAssessedTopics.topic })
    .from(assistantAssessedTopics)
    .where(eq(assistantAssessedTopics.classId, classId))
    .orderBy(asc(assistantAssessedTopics.createdAt));
  return { items: rows };
}

export async function addAssessedTopic(ctx: Ctx, classId: string, topic: string) {
  const actor = requireUser(ctx.actor);
  const cls = await taughtClass(ctx.db, actor, classId);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(assistantAssessedTopics).values({ classId, schoolId: cls.schoolId, topic, createdBy: actor.id! }).onConflictDoNothing();
    await recordAudit(tx, actor, {
      action: 'assistant.assessed-topic.add',
      targetType: 'class',
      targetId: classId,
      jurisdictionId: cls.jurisdictionId,
      schoolId: cls.schoolId,
      details: { topic },
    });
  });
  return listAssessedTopics(ctx, classId);
}

export async function removeAssessedTopic(ctx: Ctx, classId: string, topicId: string) {
  const actor = requireUser(ctx.actor);
  const cls = await taughtClass(ctx.db, actor, classId);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(assistantAssessedTopics)
      .where(and(eq(assistantAssessedTopics.id, topicId), eq(assistantAssessedTopics.classId, classId)))
      .returning({ topic: assistantAssessedTopics.topic });
    if (!gone.length) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'assistant.assessed-topic.remove',
      targetType: 'class',
      targetId: classId,
      jurisdictionId: cls.jurisdictionId,
      schoolId: cls.schoolId,
      details: { topic: gone[0].topic },
    });
  });
  return listAssessedTopics(ctx, classId);
}

/**
 * A class's students' tutor conversations, for its teacher — only when the school lets teachers read them
 * (students are told which it is). Reading is audited: it is personal data.
 */
export async function classTutorConversations(ctx: Ctx, classId: string) {
  const actor = requireUser(ctx.actor);
  const cls = await taughtClass(ctx.db, actor, classId);
  const settings = await schoolSettingsOf(ctx.db, cls.schoolId);
  if (!settings.teachersReadTutor) throw new AppError('FORBIDDEN');
  const students = ctx.db
    .select({ userId: classEnrollments.userId })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.classId, classId), eq(classEnrollments.role, 'student')));
  return ctx.db.transaction(async (tx) => {
    const convs = await tx
      .select({ c: assistantConversations, student: users.displayName })
      .from(assistantConversations)
      .innerJoin(users, eq(users.id, assistantConversations.userId))
      .where(
        and(
          eq(assistantConversations.kind, 'tutor'),
          inArray(assistantConversations.userId, students),
          eq(assistantConversations.schoolId, cls.schoolId),
        ),
      )
      .orderBy(desc(assistantConversations.updatedAt))
      .limit(200);
    const items = [];
    for (const row of convs) items.push({ ...presentConversation(row.c), student: row.student, messages: await messagesOf(tx, row.c.id) });
    await recordAudit(tx, actor, {
      action: 'assistant.tutor-conversations.read',
      targetType: 'class',
      targetId: classId,
      jurisdictionId: cls.jurisdictionId,
      schoolId: cls.schoolId,
      details: { conversations: items.length },
    });
    return { items };
  });
}
