import { anonymise, type OperatorsByType } from '../../../lib/deid/anonymise.ts';
import { detect } from '../../../lib/deid/detect.ts';
import type { EntityType } from '../../../lib/deid/entity.ts';
import { PlaceholderBook, restorePlaceholders, type PlaceholderMapping } from '../../../lib/deid/placeholders.ts';
import type { PersonalDataCategory } from '../../../shared/api/assistant.ts';

/**
 * What leaves the node. Every text sent to a provider goes through lib/deid first: each detected value
 * becomes a typed placeholder (`<PERSON_1>`), unless the jurisdiction's policy lets this provider receive
 * that category. The mapping stays here and puts the values back into the answer the user sees.
 */
const CATEGORY_TYPES: Record<PersonalDataCategory, EntityType[]> = {
  names: ['PERSON'],
  identifiers: ['CN_RESIDENT_ID', 'HK_ID', 'MO_ID', 'HMT_PERMIT', 'PASSPORT', 'STUDENT_ID', 'BANK_CARD', 'IP_ADDRESS'],
  contacts: ['PHONE', 'EMAIL'],
  addresses: ['ADDRESS'],
  'birth-dates': ['DATE_OF_BIRTH'],
};

export interface OutboundText {
  /** The de-identified text, safe to send. */
  text: string;
  /** How many values were replaced (recorded as a count only). */
  replaced: number;
}

/** One conversation turn's placeholders: shared across every text of the turn so `<PERSON_1>` stays one person. */
export class OutboundGuard {
  private readonly book = new PlaceholderBook();
  private readonly operators: OperatorsByType;

  constructor(allowed: readonly PersonalDataCategory[]) {
    this.operators = { default: { kind: 'placeholder' } };
    for (const category of allowed) for (const type of CATEGORY_TYPES[category]) this.operators[type] = { kind: 'keep' };
  }

  /** @example guard.protect('請致電陳大文 9123 4567') // { text: '請致電<PERSON_1> <PHONE_1>', replaced: 2 } */
  protect(text: string): OutboundText {
    const entities = detect(text);
    const result = anonymise(text, entities, this.operators, { placeholders: this.book });
    return { text: result.text, replaced: result.items.filter((i) => i.operator === 'placeholder').length };
  }

  /** Puts the original values back into what the provider answered. */
  restore(text: string): string {
    return restorePlaceholders(text, this.mapping);
  }

  /** Restores every string inside a structured tool output. */
  restoreDeep<T>(value: T): T {
    if (typeof value === 'string') return this.restore(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.restoreDeep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.restoreDeep(v)])) as T;
    }
    return value;
  }

  get mapping(): PlaceholderMapping {
    return this.book.mapping;
  }
}

const OPEN = /[<＜][^<＜>＞]{0,40}$/;

/**
 * Restores placeholders in a streamed answer: a placeholder may arrive split over pieces (`<PER` + `SON_1>`),
 * so a trailing unfinished `<…` is held back until its closing bracket comes (or the stream ends).
 */
export class StreamRestorer {
  private pending = '';
  constructor(private readonly guard: OutboundGuard) {}

  push(piece: string): string {
    const text = this.pending + piece;
    const open = OPEN.exec(text);
    const ready = open ? text.slice(0, open.index) : text;
    this.pending = open ? text.slice(open.index) : '';
    return this.guard.restore(ready);
  }

  flush(): string {
    const rest = this.guard.restore(this.pending);
    this.pending = '';
    return rest;
  }
}
