/**
 * The `more` link of a StatementResult (Data 2.5): the original query plus the position of the last
 * statement returned, in one opaque base64url token. The link is relative to the server
 * (`/xapi/statements?more=…`) and never expires; the reader's scope is applied again on every page,
 * so a token carried to another client reveals nothing.
 */
export interface StatementCursor {
  /** The original query parameters (without `more`). */
  params: Record<string, string>;
  /** `stored` (ISO) and `seq` of the last statement on the previous page. */
  stored: string;
  seq: number;
}

/** @example encodeCursor({ params: { verb: 'http://…' }, stored: '2026-01-01T00:00:00.000Z', seq: 42 }) */
export function encodeCursor(cursor: StatementCursor): string {
  return Buffer.from(JSON.stringify([cursor.params, cursor.stored, cursor.seq])).toString('base64url');
}

/** The cursor in a `more` token, or null when the token is not one of ours. */
export function decodeCursor(token: string): StatementCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [params, stored, seq] = value as [unknown, unknown, unknown];
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
    if (!Object.values(params).every((v) => typeof v === 'string')) return null;
    if (typeof stored !== 'string' || Number.isNaN(Date.parse(stored))) return null;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) return null;
    return { params: params as Record<string, string>, stored, seq };
  } catch {
    return null;
  }
}
