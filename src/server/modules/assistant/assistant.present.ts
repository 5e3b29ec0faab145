import type { AssistantCitation } from '../../../shared/api/assistant.ts';
import type { assistantConversations, assistantMessages, assistantProviders, assistantSchoolSettings } from './assistant.schema.ts';

type ProviderRow = typeof assistantProviders.$inferSelect;
type SchoolSettingsRow = typeof assistantSchoolSettings.$inferSelect;

/** A provider as admins see it: never the key, only whether one is set and its last four characters. */
export function presentProvider(jurisdictionId: string, row: ProviderRow | null) {
  if (!row) return { jurisdictionId, configured: false as const };
  return {
    jurisdictionId,
    configured: true as const,
    baseUrl: row.baseUrl,
    chatModel: row.chatModel,
    embeddingModel: row.embeddingModel,
    apiKey: row.apiKeySealed ? { set: true, last4: row.apiKeyLast4 } : { set: false, last4: null },
    allowedCategories: row.allowedCategories,
    retentionDays: row.retentionDays,
    enabled: row.enabled,
    moderation: row.moderation,
    moderationModel: row.moderationModel,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const SCHOOL_DEFAULTS = { teachersReadTutor: false, schoolDailyQuota: 2000, userDailyQuota: 100 };

export function presentSchoolSettings(schoolId: string, row: SchoolSettingsRow | null) {
  return {
    schoolId,
    teachersReadTutor: row?.teachersReadTutor ?? SCHOOL_DEFAULTS.teachersReadTutor,
    schoolDailyQuota: row?.schoolDailyQuota ?? SCHOOL_DEFAULTS.schoolDailyQuota,
    userDailyQuota: row?.userDailyQuota ?? SCHOOL_DEFAULTS.userDailyQuota,
  };
}

export function presentMessage(m: typeof assistantMessages.$inferSelect) {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    output: m.output ?? null,
    citations: m.citations as AssistantCitation[],
    offline: m.offline,
    createdAt: m.createdAt.toISOString(),
  };
}

export function presentConversation(c: typeof assistantConversations.$inferSelect) {
  return {
    id: c.id,
    kind: c.kind,
    tool: c.tool,
    title: c.title,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
