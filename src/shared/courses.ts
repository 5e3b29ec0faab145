import type { LocalisedName } from './languages.ts';
import { AI_COMPETENCIES, AI_COMPETENCY_LEVELS, type AiCompetency, type AiCompetencyLevel } from './library.ts';

/**
 * Vocabulary of co-built courses (课程共建), shared by server and web.
 *
 * Lesson objectives are tagged with UNESCO's "AI competency framework for students" (2024): four
 * dimensions × three progression levels — the same vocabulary the library tags resources with
 * (shared/library.ts), so a published course and its resources speak one language. The training module's
 * framework is the one for *teachers* (five aspects, acquire/deepen/create): it describes what a teacher
 * can do, not what a pupil learns, so it does not fit lesson objectives. The Chinese wording is ours.
 */
const n = (hans: string, hant: string, en: string): LocalisedName => ({ 'zh-Hans': hans, 'zh-Hant': hant, en });

export const COMPETENCY_DIMENSIONS = AI_COMPETENCIES;
export type CompetencyDimension = AiCompetency;

/** Progression levels of the students' framework, lowest first. */
export const COMPETENCY_LEVELS = AI_COMPETENCY_LEVELS;
export type CompetencyLevel = AiCompetencyLevel;

export const COMPETENCY_DIMENSION_NAMES: Record<CompetencyDimension, LocalisedName> = {
  'human-centred-mindset': n('以人为本的思维', '以人為本的思維', 'Human-centred mindset'),
  'ethics-of-ai': n('人工智能伦理', '人工智能倫理', 'Ethics of AI'),
  'ai-techniques-and-applications': n('人工智能技术与应用', '人工智能技術與應用', 'AI techniques and applications'),
  'ai-system-design': n('人工智能系统设计', '人工智能系統設計', 'AI system design'),
};

export const COMPETENCY_LEVEL_NAMES: Record<CompetencyLevel, LocalisedName> = {
  understand: n('理解', '理解', 'Understand'),
  apply: n('应用', '應用', 'Apply'),
  create: n('创造', '創造', 'Create'),
};

/** A competency code is `<dimension>/<level>`, e.g. `ethics-of-ai/apply` (twelve in all). */
export const COMPETENCIES = COMPETENCY_DIMENSIONS.flatMap((d) => COMPETENCY_LEVELS.map((l) => `${d}/${l}` as const));
export type Competency = (typeof COMPETENCIES)[number];

export function competencyParts(code: Competency): { dimension: CompetencyDimension; level: CompetencyLevel } {
  const [dimension, level] = code.split('/') as [CompetencyDimension, CompetencyLevel];
  return { dimension, level };
}

/** A course team member's part: the owner and co-authors write, reviewers read and comment. */
export const COURSE_ROLES = ['owner', 'co_author', 'reviewer'] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];
export const COURSE_WRITER_ROLES: readonly CourseRole[] = ['owner', 'co_author'];

export const COURSE_STATUSES = ['draft', 'in_review', 'published'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** The languages a course edition may be written in (简体 / 繁體 / English). */
export const EDITION_LANGUAGES = ['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO', 'en'] as const;
export type EditionLanguage = (typeof EDITION_LANGUAGES)[number];
