import type { IndicatorUnit } from '../../../shared/api/insights.ts';

/** An indicator value as a bureau reads it: one decimal, two for per-student ratios, a dash for none. */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit | null): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(unit === 'ratio' ? 2 : 1);
}
