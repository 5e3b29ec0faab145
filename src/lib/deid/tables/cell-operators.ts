import type { PiiDetector } from './pii-adapter.ts';

/*
 * Cell-level operators for table columns. Pseudonyms and masks come from the text engine next door
 * (../pseudonymise.ts, ../anonymise.ts) so a student number gets the same pseudonym in a table column as
 * in free text under the same agreement key. Span redaction stays here: it only needs the detector.
 */

/**
 * Replaces every span the detector finds with its type in brackets; overlapping spans are merged.
 * @example redactSpans('请联系 13800138000', detect) // → '请联系 [PHONE]'
 */
export function redactSpans(text: string, detector: PiiDetector): string {
  const spans = [...detector(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end <= at) continue;
    out += text.slice(at, Math.max(at, s.start)) + (s.start >= at ? `[${s.type}]` : '');
    at = s.end;
  }
  return out + text.slice(at);
}
