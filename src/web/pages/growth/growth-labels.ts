import { useCallback } from 'react';
import type { GrowthFrameworkView, GrowthRecordStage, GrowthReviewStatus } from '../../../shared/api/growth.ts';
import { useUiLanguage } from '../../app/language.ts';
import { pickName } from '../../i18n/format.ts';

/** Dimension (and indicator) names of a framework in the reader's language. */
export function useDimensionNames(framework: GrowthFrameworkView | null | undefined) {
  const [language] = useUiLanguage();
  return useCallback(
    (dimensionKey: string, indicatorKey?: string | null) => {
      const dimension = framework?.dimensions.find((d) => d.key === dimensionKey);
      if (!dimension) return dimensionKey;
      const indicator = indicatorKey ? dimension.indicators.find((i) => i.key === indicatorKey) : undefined;
      const name = pickName(dimension.names, language);
      return indicator ? `${name} · ${pickName(indicator.names, language)}` : name;
    },
    [framework, language],
  );
}

export const REVIEW_COLOUR: Record<GrowthReviewStatus, string> = {
  awaiting_student: 'purple',
  pending: 'gold',
  approved: 'green',
  returned: 'orange',
  declined: 'default',
};

export const STAGE_COLOUR: Record<GrowthRecordStage, string> = {
  recording: 'blue',
  selected: 'cyan',
  publicity: 'gold',
  archived: 'green',
};

/** Where a record stands on the five steps shown to everyone (record, review, select, publicity, archive). */
export function stepOf(stage: GrowthRecordStage | null | undefined): number {
  switch (stage) {
    case 'selected':
      return 3;
    case 'publicity':
      return 3;
    case 'archived':
      return 5;
    default:
      return 1;
  }
}

/** The term code of today's school year, as schools name them (Aug–Jan first term, Feb–Jul second). */
export function currentTermCode(now = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  if (month >= 8) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}
