import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TProviderBody, TSchoolSettingsBody } from '../../../shared/api/assistant.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, reachesSchool, requireUser, type Actor } from '../identity/identity.access.ts';
import { authorityUnits, schools } from '../tenancy/tenancy.schema.ts';
import { lastFour, openApiKey, sealApiKey } from './assistant.keys.ts';
import { assistantPolicy } from './assistant.policy.ts';
import { presentProvider, presentSchoolSettings } from './assistant.present.ts';
import { assistantProviders, assistantSchoolSettings } from './assistant.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/**
 * A provider is the jurisdiction's decision: its platform admin, or a bureau admin held at the whole
 * jurisdiction (no unit, or the top unit). A city bureau cannot send a province's prompts elsewhere.
 */
async function requireJurisdictionAdmin(db: DbOrTx, actor: Actor, jurisdictionId: string): Promise<void> {
  const places = placesFor(actor, assistantPolicy.configureProvider).filter((p) => p.jurisdictionId === jurisdictionId);
  if (places.some((p) => p.role === 'platform_admin' || (!p.schoolId && !p.authorityUnitId))) return;
  const unitIds = places.filter((p) => p.authorityUnitId).map((p) => p.authorityUnitId!);
  if (unitIds.length) {
    const top = await db
      .select({ id: authorityUnits.id })
      .from(authorityUnits)
      .where(and(inArray(authorityUnits.id, unitIds), isNull(authorityUnits.parentId)));
    if (top.length) return;
  }
  throw new AppError('NOT_FOUND');
}

export async function getProvider(ctx: Ctx, jurisdictionId: string) {
  const actor = requireUser(ctx.actor);
  await requireJurisdictionAdmin(ctx.db, actor, jurisdictionId);
  const [row] = await ctx.db.select().from(assistantProviders).where(eq(assistantProviders.jurisdictionId, jurisdictionId));
  return presentProvider(jurisdictionId, row ?? null);
}

/** Saves the jurisdiction's provider. The key is sealed before it touches the database; the audit says only whether it changed. */
export async function saveProvider(ctx: Ctx, jurisdictionId: string, body: TProviderBody) {
  const actor = requireUser(ctx.actor);
  await requireJurisdictionAdmin(ctx.db, actor, jurisdictionId);
  const keyChange =
    body.apiKey === undefined
      ? {}
      : body.apiKey === null
        ? { apiKeySealed: null, apiKeyLast4: null }
        : { apiKeySealed: sealApiKey(jurisdictionId, body.apiKey), apiKeyLast4: lastFour(body.apiKey) };
  const values = {
    baseUrl: body.baseUrl.replace(/\/+$/, ''),
    chatModel: body.chatModel,
    embeddingModel: body.embeddingModel,
    allowedCategories: body.allowedCategories,
    retentionDays: body.retentionDays,
    enabled: body.enabled,
    moderation: body.moderation,
    moderationModel: body.moderationModel,
    updatedAt: new Date(),
    ...keyChange,
  };
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(assistantProviders)
      .values({ jurisdictionId, ...values })
      .onConflictDoUpdate({ target: assistantProviders.jurisdictionId, set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: 'assistant.provider.save',
      targetType: 'jurisdiction',
      targetId: jurisdictionId,
      jurisdictionId,
      details: {
        baseUrl: values.baseUrl,
        chatModel: values.chatModel,
        embeddingModel: values.embeddingModel,
        allowedCategories: values.allowedCategories,
        retentionDays: values.retentionDays,
        enabled: values.enabled,
        moderation: values.moderation,
        moderationModel: values.moderationModel,
        apiKey: body.apiKey === undefined ? 'unchanged' : body.apiKey === null ? 'removed' : 'replaced',
      },
    });
    return saved;
  });
  return presentProvider(jurisdictionId, row);
}

/** The provider a request of this jurisdiction uses, key opened; null means offline mode. */
export interface ActiveProvider {
  baseUrl: string;
  chatModel: string;
  embeddingModel: string | null;
  apiKey: string | null;
  allowedCategories: TProviderBody['allowedCategories'];
  retentionDays: number;
  /** Whether the endpoint offers `/moderations`, and the model to name there (null: its default). */
  moderation: boolean;
  moderationModel: string | null;
}

export async function activeProvider(db: DbOrTx, jurisdictionId: string): Promise<ActiveProvider | null> {
  const [row] = await db.select().from(assistantProviders).where(eq(assistantProviders.jurisdictionId, jurisdictionId));
  if (!row || !row.enabled) return null;
  return {
    baseUrl: row.baseUrl,
    chatModel: row.chatModel,
    embeddingModel: row.embeddingModel,
    apiKey: row.apiKeySealed ? openApiKey(jurisdictionId, row.apiKeySealed) : null,
    allowedCategories: row.allowedCategories,
    retentionDays: row.retentionDays,
    moderation: row.moderation,
    moderationModel: row.moderationModel,
  };
}

async function loadSchool(db: DbOrTx, schoolId: string) {
  const [school] = await db
    .select({ id: schools.id, jurisdictionId: schools.jurisdictionId, authorityPath: schools.authorityPath })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new AppError('NOT_FOUND');
  return school;
}

export async function schoolSettingsOf(db: DbOrTx, schoolId: string) {
  const [row] = await db.select().from(assistantSchoolSettings).where(eq(assistantSchoolSettings.schoolId, schoolId));
  return presentSchoolSettings(schoolId, row ?? null);
}

export async function getSchoolSettings(ctx: Ctx, schoolId: string) {
  const actor = requireUser(ctx.actor);
  const school = await loadSchool(ctx.db, schoolId);
  // Everyone at the school may read them: students are told whether teachers can read their tutor chats.
  if (!reachesSchool(actor, [...assistantPolicy.configureSchool, ...assistantPolicy.teacherTools, 'student'], school)) {
    throw new AppError('NOT_FOUND');
  }
  return schoolSettingsOf(ctx.db, schoolId);
}

export async function saveSchoolSettings(ctx: Ctx, schoolId: string, body: TSchoolSettingsBody) {
  const actor = requireUser(ctx.actor);
  const school = await loadSchool(ctx.db, schoolId);
  if (!reachesSchool(actor, assistantPolicy.configureSchool, school)) throw new AppError('NOT_FOUND');
  const values = { ...body, updatedAt: new Date() };
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(assistantSchoolSettings)
      .values({ schoolId, jurisdictionId: school.jurisdictionId, ...values })
      .onConflictDoUpdate({ target: assistantSchoolSettings.schoolId, set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: 'assistant.school-settings.save',
      targetType: 'school',
      targetId: schoolId,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: body,
    });
    return saved;
  });
  return presentSchoolSettings(schoolId, row);
}

/**
 * What the assistant pages need to know first: online or offline for this user's jurisdiction, and — for
 * students — whether their teachers may read tutor conversations (the tutor page says so).
 */
export async function assistantStatus(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const place = actor.memberships.find((m) => m.schoolId) ?? actor.memberships[0];
  if (!place) return { offline: true, jurisdictionId: null, schoolId: null, teachersReadTutor: false };
  const [row] = await ctx.db
    .select({ enabled: assistantProviders.enabled })
    .from(assistantProviders)
    .where(eq(assistantProviders.jurisdictionId, place.jurisdictionId));
  const settings = place.schoolId ? await schoolSettingsOf(ctx.db, place.schoolId) : null;
  return {
    offline: !row?.enabled,
    jurisdictionId: place.jurisdictionId,
    schoolId: place.schoolId,
    teachersReadTutor: settings?.teachersReadTutor ?? false,
  };
}
