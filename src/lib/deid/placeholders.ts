/**
 * Typed placeholders (`<PERSON_1>`), stable within one document: the same value always gets the same
 * placeholder, numbered per type in order of first appearance. The AI assistant uses them to send a
 * prompt without PII and to put the real values back into the answer (`restorePlaceholders`).
 */

/** Placeholder → original value. Stays on the node; never leaves with the prompt. */
export type PlaceholderMapping = Record<string, string>;

export class PlaceholderBook {
  readonly mapping: PlaceholderMapping = {};
  private readonly byValue = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  /** @example book.placeholderFor('PERSON', '陳大文') // '<PERSON_1>' */
  placeholderFor(type: string, value: string): string {
    const key = `${type}\u0000${value.normalize('NFKC').trim()}`;
    const known = this.byValue.get(key);
    if (known) return known;
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    const placeholder = `<${type}_${n}>`;
    this.byValue.set(key, placeholder);
    this.mapping[placeholder] = value;
    return placeholder;
  }
}

const PLACEHOLDER = /[<＜]\s*([A-Z][A-Z0-9_]*?_\d+)\s*[>＞]/g;

/**
 * Puts original values back where placeholders stand. Tolerates full-width brackets and stray spaces that
 * language models sometimes produce; unknown placeholders are left as they are.
 *
 * @example restorePlaceholders('請聯絡 <PERSON_1>', { '<PERSON_1>': '陳大文' }) // '請聯絡 陳大文'
 */
export function restorePlaceholders(text: string, mapping: PlaceholderMapping): string {
  return text.replace(PLACEHOLDER, (whole, inner: string) => mapping[`<${inner}>`] ?? whole);
}
