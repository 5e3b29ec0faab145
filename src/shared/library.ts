/**
 * Vocabulary of the shared resource library (资源共享), shared by server, web and search.
 * The library ↔ search contract fixes these lists; add to them only together with both modules.
 */

/**
 * How far a resource is published, narrowest first (四级联动 plus the bay area and the public).
 * `province` also covers a whole jurisdiction such as HK or MO, whose top unit has level `province`.
 */
export const PUBLISH_LEVELS = ['private', 'school', 'district', 'city', 'province', 'bay-area', 'public'] as const;
export type PublishLevel = (typeof PUBLISH_LEVELS)[number];

/** Levels whose audience is a unit of the authority tree; the resource stores that unit as its anchor. */
export const UNIT_ANCHORED_LEVELS = ['district', 'city', 'province'] as const satisfies readonly PublishLevel[];
export type UnitAnchoredLevel = (typeof UNIT_ANCHORED_LEVELS)[number];

/** Position of a level in {@link PUBLISH_LEVELS}; a wider level has a larger rank. Example: `levelRank('city') > levelRank('school')`. */
export function levelRank(level: PublishLevel): number {
  return PUBLISH_LEVELS.indexOf(level);
}

/** The level one step wider, or null at `public`. Example: `nextLevel('school') === 'district'`. */
export function nextLevel(level: PublishLevel): PublishLevel | null {
  return PUBLISH_LEVELS[levelRank(level) + 1] ?? null;
}

/** Lifecycle of a resource (and of a collection). */
export const RESOURCE_STATUSES = ['draft', 'in_review', 'published', 'withdrawn'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const SUBJECTS = [
  'ai',
  'information-technology',
  'math',
  'science',
  'chinese',
  'english',
  'arts',
  'pe',
  'moral-education',
  'labour',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const GRADE_BANDS = ['primary', 'junior', 'senior'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** Grades 1–12 (P1–P6 / 小一至小六, S1–S6 / 初一至高三) and which band each belongs to. */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Grade = (typeof GRADES)[number];
export function gradeBandOf(grade: Grade): GradeBand {
  return grade <= 6 ? 'primary' : grade <= 9 ? 'junior' : 'senior';
}

/** SPDX identifiers of the licences a resource may carry. */
export const LICENCES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-ND-4.0',
  'CC0-1.0',
  'LicenseRef-All-Rights-Reserved',
] as const;
export type Licence = (typeof LICENCES)[number];

/**
 * Whether a licence allows derivative works (adaptations, editions). `-ND-` licences and
 * all-rights-reserved do not. Example: `allowsDerivatives('CC-BY-NC-ND-4.0') === false`.
 */
export function allowsDerivatives(licence: Licence): boolean {
  return !licence.includes('-ND-') && licence !== 'LicenseRef-All-Rights-Reserved';
}

/** Canonical licence deed URLs (for JSON-LD and attribution lines). */
export const LICENCE_URLS: Record<Licence, string | null> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-NC-4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  'CC-BY-NC-SA-4.0': 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  'CC-BY-ND-4.0': 'https://creativecommons.org/licenses/by-nd/4.0/',
  'CC-BY-NC-ND-4.0': 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'LicenseRef-All-Rights-Reserved': null,
};

/** UNESCO AI competency framework for students (2024): the four dimensions… */
export const AI_COMPETENCIES = ['human-centred-mindset', 'ethics-of-ai', 'ai-techniques-and-applications', 'ai-system-design'] as const;
export type AiCompetency = (typeof AI_COMPETENCIES)[number];

/** …and its three progression levels. */
export const AI_COMPETENCY_LEVELS = ['understand', 'apply', 'create'] as const;
export type AiCompetencyLevel = (typeof AI_COMPETENCY_LEVELS)[number];

/** One AI-competency tag on a resource. */
export interface AiCompetencyTag {
  competency: AiCompetency;
  level: AiCompetencyLevel;
}

/** Review decisions a reviewer can take on a submission. */
export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
