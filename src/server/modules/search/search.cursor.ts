import { createHash } from 'node:crypto';

/**
 * The position after the last hit of a page, in ranking order (score ↓, popularity ↓, id ↑), bound to the
 * search it came from: a cursor handed to another query is refused rather than silently skipping hits.
 * Opaque to clients (base64url); the caller's scope is applied again on every page, so a cursor carried
 * to someone else reveals nothing.
 */
export interface SearchCursor {
  /** Fingerprint of the query and filters. */
  query: string;
  score: string;
  popularity: number;
  id: string;
}

/** Fingerprint of a search's query text and filters (not its page size). */
export function queryFingerprint(parts: Record<string, string | undefined>): string {
  const canonical = JSON.stringify(
    Object.keys(parts)
      .sort()
      .map((k) => [k, parts[k] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/** @example encodeSearchCursor({ query: 'abc', score: '12.500', popularity: 3, id: '0190…' }) */
export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.query, c.score, c.popularity, c.id])).toString('base64url');
}

/** The cursor, or null when the token is not one of ours. */
export function decodeSearchCursor(token: string): SearchCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 4) return null;
    const [query, score, popularity, id] = v as unknown[];
    if (typeof query !== 'string' || typeof score !== 'string' || !/^-?\d+(\.\d+)?$/.test(score)) return null;
    if (typeof popularity !== 'number' || !Number.isSafeInteger(popularity)) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { query, score, popularity, id };
  } catch {
    return null;
  }
}
