import {
  COMPETENCIES,
  COMPETENCY_DIMENSION_NAMES,
  COMPETENCY_LEVEL_NAMES,
  competencyParts,
  type Competency,
} from '../../../shared/courses.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { pickName } from '../../i18n/format.ts';

/** "Ethics of AI · Apply" in the reader's language. */
export function competencyLabel(code: string, language: UiLanguage): string {
  if (!(COMPETENCIES as readonly string[]).includes(code)) return code;
  const { dimension, level } = competencyParts(code as Competency);
  return `${pickName(COMPETENCY_DIMENSION_NAMES[dimension], language)} · ${pickName(COMPETENCY_LEVEL_NAMES[level], language)}`;
}

export function competencyOptions(language: UiLanguage) {
  return COMPETENCIES.map((c) => ({ value: c, label: competencyLabel(c, language) }));
}

export const STATUS_COLOURS: Record<string, string> = { draft: 'default', in_review: 'processing', published: 'success' };
