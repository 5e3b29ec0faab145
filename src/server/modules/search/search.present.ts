import { convertForDisplay } from '../../../lib/text/convert-for-display.ts';
import { highlight, type HighlightSegment } from '../../../lib/text/highlight.ts';
import type { SearchHit, TextSegment } from '../../../shared/api/search.ts';
import type { SearchDocumentRow } from './search.schema.ts';
import type { PreparedQuery } from './search.query.ts';

/** Characters of context shown before a body match, and the snippet's length. */
const BEFORE = 40;
const SNIPPET = 160;

const segments = (parts: HighlightSegment[]): TextSegment[] => parts.map((s) => ({ text: s.text, match: s.match }));

/**
 * Where a needle (canonical, Simplified) may appear in an original text written in any script: itself and
 * its Hong Kong / Macao forms (script and vocabulary: 机器人 → 機械人). Cheap, so the body is never
 * canonicalised whole just to place a snippet.
 */
function originalForms(needle: string): string[] {
  return [
    ...new Set([needle, convertForDisplay(needle, 'zh-Hans', 'zh-Hant-HK').text, convertForDisplay(needle, 'zh-Hans', 'zh-Hant-MO').text]),
  ];
}

/** Position of the first place in `text` where one of the query's words seems to appear, or -1. */
function firstMatch(text: string, terms: readonly string[]): number {
  const lower = text.toLowerCase();
  let best = -1;
  for (const term of terms) {
    for (const form of originalForms(term)) {
      const at = lower.indexOf(form.toLowerCase());
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
  }
  return best;
}

/**
 * The snippet: the summary when it matches, else a stretch of the body around its first match, else the
 * start of the summary (or body). Highlighted with lib/text's `highlight`, which matches on canonical forms
 * and marks the ORIGINAL text.
 */
export function snippetFor(summary: string, body: string, prepared: PreparedQuery): TextSegment[] {
  const terms = prepared.highlightTerms;
  if (!terms.length) return [{ text: (summary || body).slice(0, SNIPPET), match: false }];
  const inSummary = summary ? highlight(summary, terms) : [];
  if (inSummary.some((s) => s.match)) return segments(inSummary);
  const at = body ? firstMatch(body, terms) : -1;
  if (at !== -1) {
    const start = Math.max(0, at - BEFORE);
    const window = (start > 0 ? '…' : '') + body.slice(start, start + SNIPPET) + (start + SNIPPET < body.length ? '…' : '');
    return segments(highlight(window, terms));
  }
  return inSummary.length ? segments(inSummary) : [{ text: body.slice(0, SNIPPET), match: false }];
}

/** A hit as the API answers it: never the row itself (no body, no audience columns). */
export function presentHit(
  row: Pick<SearchDocumentRow, 'id' | 'externalId' | 'title' | 'summary' | 'body' | 'language' | 'subject' | 'gradeBand'>,
  score: number,
  prepared: PreparedQuery,
): SearchHit {
  const terms = prepared.highlightTerms;
  return {
    id: row.id,
    externalId: row.externalId,
    title: row.title,
    summary: row.summary,
    language: row.language,
    subject: row.subject,
    gradeBand: row.gradeBand,
    score,
    highlights: {
      title: terms.length ? segments(highlight(row.title, terms)) : [{ text: row.title, match: false }],
      snippet: snippetFor(row.summary, row.body, prepared),
    },
  };
}
