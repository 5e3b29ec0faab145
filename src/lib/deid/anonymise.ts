/**
 * Applies operators to detected entities: redact, mask, placeholder, keyed pseudonym, generalise,
 * reversible encryption, drop (or keep). Each entity type gets its own operator, because policy differs:
 * a study of regional outcomes keeps the district of an address but not the street; a linkage study needs
 * stable pseudonyms of student IDs; an AI prompt needs restorable placeholders.
 */
import { encryptValue } from './encrypt-value.ts';
import type { Entity, EntityType } from './entity.ts';
import { generaliseAddress, generaliseAge, generaliseDate, type AddressLevel, type ResolveLocation } from './generalise.ts';
import { PlaceholderBook, type PlaceholderMapping } from './placeholders.ts';
import { pseudonymise } from './pseudonymise.ts';

export type Operator =
  | { kind: 'redact'; with?: string }
  | { kind: 'mask'; keepStart?: number; keepEnd?: number; char?: string }
  | { kind: 'placeholder' }
  | { kind: 'pseudonym'; length?: number }
  | { kind: 'generalise'; to?: 'year' | 'month' | 'age-band' | AddressLevel }
  | { kind: 'encrypt' }
  | { kind: 'drop' }
  | { kind: 'keep' };

export type OperatorsByType = Partial<Record<EntityType, Operator>> & { default?: Operator };

export interface AnonymiseContext {
  /** Secret of the sharing agreement, for `pseudonym`. */
  pseudonymKey?: string | Uint8Array;
  /** 32-byte steward key, for `encrypt`. */
  encryptionKey?: Uint8Array;
  /** Jurisdiction-tree lookup for address generalisation. */
  resolveLocation?: ResolveLocation;
  /** Pass the same book to several calls to keep placeholders stable across chunks of one document. */
  placeholders?: PlaceholderBook;
}

export interface AnonymisedItem {
  type: EntityType;
  operator: Operator['kind'];
  /** Span in the input text. */
  start: number;
  end: number;
  /** Span of the replacement in the output text. */
  outStart: number;
  outEnd: number;
  replacement: string;
}

export interface AnonymiseResult {
  text: string;
  items: AnonymisedItem[];
  /** Placeholder → original, for `restorePlaceholders`. Keep it on the node. */
  mapping: PlaceholderMapping;
}

const DEFAULT_OPERATOR: Operator = { kind: 'placeholder' };

/** Masks all but `keepStart` leading and `keepEnd` trailing characters (by code point, so emoji stay whole). */
export function maskValue(value: string, keepStart = 0, keepEnd = 0, char = '*'): string {
  const chars = [...value];
  // A value no longer than the kept ends (a 3-character name with keepEnd 4) would come out whole: keep none.
  const keeps = keepStart + keepEnd < chars.length;
  return chars.map((c, i) => ((keeps && (i < keepStart || i >= chars.length - keepEnd)) || /[\s\-()（）/+@.]/.test(c) ? c : char)).join('');
}

function replacementFor(entity: Entity, value: string, op: Operator, ctx: AnonymiseContext, book: PlaceholderBook): string {
  switch (op.kind) {
    case 'redact':
      return op.with ?? `[${entity.type}]`;
    case 'mask':
      return maskValue(value, op.keepStart ?? 0, op.keepEnd ?? 0, op.char ?? '*');
    case 'placeholder':
      return book.placeholderFor(entity.type, value);
    case 'pseudonym':
      if (ctx.pseudonymKey === undefined) throw new Error('pseudonym operator needs ctx.pseudonymKey');
      return pseudonymise(entity.type, value, ctx.pseudonymKey, op.length);
    case 'generalise': {
      const to = op.to;
      if (to === 'age-band') {
        const n = Number(/\d{1,3}/.exec(value)?.[0]);
        return Number.isFinite(n) ? generaliseAge(n) : `[${entity.type}]`;
      }
      if (entity.type === 'ADDRESS' || to === 'district' || to === 'city') {
        return generaliseAddress(value, to === 'city' ? 'city' : 'district', ctx.resolveLocation);
      }
      return generaliseDate(value, to === 'month' ? 'month' : 'year');
    }
    case 'encrypt':
      if (!ctx.encryptionKey) throw new Error('encrypt operator needs ctx.encryptionKey');
      return encryptValue(entity.type, value, ctx.encryptionKey);
    case 'drop':
      return '';
    case 'keep':
      return value;
  }
}

/**
 * Rewrites `text`, replacing each entity by its type's operator (default: placeholder).
 * Entities must not overlap (as `detect` returns them).
 *
 * @example
 * const { text } = anonymise(t, detect(t), { PERSON: { kind: 'pseudonym' }, PHONE: { kind: 'mask', keepEnd: 4 } },
 *   { pseudonymKey: agreementSecret });
 */
export function anonymise(
  text: string,
  entities: readonly Entity[],
  operatorsByType: OperatorsByType = {},
  ctx: AnonymiseContext = {},
): AnonymiseResult {
  const book = ctx.placeholders ?? new PlaceholderBook();
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const items: AnonymisedItem[] = [];
  let cursor = 0;
  let outLength = 0;
  for (const entity of sorted) {
    if (entity.start < cursor) continue;
    const op = operatorsByType[entity.type] ?? operatorsByType.default ?? DEFAULT_OPERATOR;
    const kept = text.slice(cursor, entity.start);
    parts.push(kept);
    outLength += kept.length;
    const replacement = replacementFor(entity, text.slice(entity.start, entity.end), op, ctx, book);
    parts.push(replacement);
    items.push({
      type: entity.type,
      operator: op.kind,
      start: entity.start,
      end: entity.end,
      outStart: outLength,
      outEnd: outLength + replacement.length,
      replacement: op.kind === 'keep' ? '' : replacement,
    });
    outLength += replacement.length;
    cursor = entity.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), items, mapping: book.mapping };
}
