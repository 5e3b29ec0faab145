import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.ts';
import { AI_COMPETENCIES, GRADE_BANDS, SUBJECTS } from '../library.ts';
import { ZId } from './common.ts';

/** HTTP shapes and tool contracts of the shared AI assistant (docs/assistant.md). */

/**
 * Personal-data categories a jurisdiction may let a provider receive. Each groups lib/deid entity types
 * (see assistant.privacy.ts); whatever is not allowed leaves the node only as a placeholder.
 */
export const PERSONAL_DATA_CATEGORIES = ['names', 'identifiers', 'contacts', 'addresses', 'birth-dates'] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

export const ASSISTANT_KINDS = ['chat', 'tutor', 'tool'] as const;
export type AssistantKind = (typeof ASSISTANT_KINDS)[number];

export const ASSISTANT_TOOLS = ['lesson-plan', 'quiz', 'rubric', 'feedback', 'adapt', 'parent-notice'] as const;
export type AssistantTool = (typeof ASSISTANT_TOOLS)[number];

export interface AssistantCitation {
  /** Search document id (the resource or course id). */
  id: string;
  kind: 'resource' | 'course';
  title: string;
  snippet: string;
  link: string;
}

// ---- configuration ----

export const ZProviderBody = z.object({
  baseUrl: z.url().max(500),
  chatModel: z.string().trim().min(1).max(200),
  embeddingModel: z.string().trim().min(1).max(200).nullable().default(null),
  /** Omitted: keep the stored key; null: remove it. Never returned. */
  apiKey: z.string().min(1).max(500).nullable().optional(),
  allowedCategories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)).max(PERSONAL_DATA_CATEGORIES.length).default([]),
  retentionDays: z.number().int().min(1).max(3650).default(30),
  enabled: z.boolean().default(true),
  /** The endpoint also offers OpenAI's `/moderations`: the tutor checks input and output there too. */
  moderation: z.boolean().default(false),
  moderationModel: z.string().trim().min(1).max(200).nullable().default(null),
});
export type TProviderBody = z.infer<typeof ZProviderBody>;

export const ZJurisdictionParams = z.object({ jurisdictionId: ZId });
export const ZSchoolParams = z.object({ schoolId: ZId });
export const ZClassParams = z.object({ classId: ZId });

export const ZSchoolSettingsBody = z.object({
  teachersReadTutor: z.boolean(),
  schoolDailyQuota: z.number().int().min(0).max(1_000_000),
  userDailyQuota: z.number().int().min(0).max(100_000),
});
export type TSchoolSettingsBody = z.infer<typeof ZSchoolSettingsBody>;

export const ZAssessedTopicBody = z.object({ topic: z.string().trim().min(1).max(200) });

// ---- chat and tutor ----

export const ZChatBody = z.object({
  conversationId: ZId.optional(),
  message: z.string().trim().min(1).max(8000),
  /** The tutor answers students Socratically; chat is for staff. */
  mode: z.enum(['chat', 'tutor']).default('chat'),
  gradeBand: z.enum(GRADE_BANDS).optional(),
});
export type TChatBody = z.infer<typeof ZChatBody>;

export const ZUsageQuery = z.object({
  schoolId: ZId.optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
});

// ---- teacher tools: inputs ----

const ZGradeBand = z.enum(GRADE_BANDS);
const ZSubject = z.enum(SUBJECTS);

export const ZToolInputs = {
  'lesson-plan': z.object({
    gradeBand: ZGradeBand,
    subject: ZSubject,
    topic: z.string().trim().min(1).max(200),
    competencies: z.array(z.enum(AI_COMPETENCIES)).max(4).default([]),
    minutes: z.number().int().min(10).max(240).default(40),
  }),
  quiz: z.object({
    gradeBand: ZGradeBand,
    subject: ZSubject,
    topic: z.string().trim().min(1).max(200),
    count: z.number().int().min(1).max(20).default(5),
  }),
  rubric: z.object({
    gradeBand: ZGradeBand,
    task: z.string().trim().min(1).max(1000),
    levels: z.number().int().min(2).max(6).default(4),
  }),
  feedback: z.object({
    gradeBand: ZGradeBand,
    task: z.string().trim().min(1).max(1000),
    work: z.string().trim().min(1).max(8000),
  }),
  adapt: z.object({
    text: z.string().trim().min(1).max(8000),
    target: z.enum(CONTENT_LANGUAGES),
    readingLevel: ZGradeBand.optional(),
  }),
  'parent-notice': z.object({
    purpose: z.string().trim().min(1).max(1000),
    details: z.string().trim().max(4000).default(''),
    language: z.enum(CONTENT_LANGUAGES),
  }),
} as const;
export type TToolInput<T extends AssistantTool> = z.infer<(typeof ZToolInputs)[T]>;

export const ZToolBody = z.discriminatedUnion('tool', [
  z.object({ tool: z.literal('lesson-plan'), input: ZToolInputs['lesson-plan'] }),
  z.object({ tool: z.literal('quiz'), input: ZToolInputs.quiz }),
  z.object({ tool: z.literal('rubric'), input: ZToolInputs.rubric }),
  z.object({ tool: z.literal('feedback'), input: ZToolInputs.feedback }),
  z.object({ tool: z.literal('adapt'), input: ZToolInputs.adapt }),
  z.object({ tool: z.literal('parent-notice'), input: ZToolInputs['parent-notice'] }),
]);
export type TToolBody = z.infer<typeof ZToolBody>;

// ---- teacher tools: outputs (what the model must return, validated) ----

export const ZToolOutputs = {
  'lesson-plan': z.object({
    title: z.string().min(1),
    objectives: z.array(z.string().min(1)).min(1),
    competencies: z.array(z.string()).default([]),
    activities: z.array(z.object({ minutes: z.number().int().min(1), activity: z.string().min(1) })).min(1),
    assessment: z.string().min(1),
    materials: z.array(z.string()).default([]),
  }),
  quiz: z.object({
    title: z.string().min(1),
    questions: z
      .array(
        z.object({
          prompt: z.string().min(1),
          choices: z.array(z.string().min(1)).min(2).max(6),
          answerIndex: z.number().int().min(0),
          explanation: z.string().min(1),
        }),
      )
      .min(1),
  }),
  rubric: z.object({
    title: z.string().min(1),
    criteria: z.array(z.object({ criterion: z.string().min(1), levels: z.array(z.string().min(1)).min(2) })).min(1),
  }),
  feedback: z.object({
    strengths: z.array(z.string().min(1)).min(1),
    nextSteps: z.array(z.string().min(1)).min(1),
    comment: z.string().min(1),
  }),
  adapt: z.object({ text: z.string().min(1), notes: z.array(z.string()).default([]) }),
  'parent-notice': z.object({ subject: z.string().min(1), body: z.string().min(1) }),
} as const;
export type TToolOutput<T extends AssistantTool> = z.infer<(typeof ZToolOutputs)[T]>;

export const ZSaveDraftBody = z.object({ messageId: ZId });
