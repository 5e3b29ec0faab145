/**
 * multipart/mixed (RFC 2046 §5.1) reading and writing, for statements with attachments
 * (Communication 1.5.2). Hand-written because the maintained Node parsers (busboy and its forks)
 * only handle multipart/form-data parts with Content-Disposition; the grammar is small and is
 * property-tested with fast-check (`multipart.test.ts`).
 */
import { randomBytes } from 'node:crypto';
import type { XapiResult } from './issues.ts';

export interface MultipartPart {
  /** Header names in lower case; a repeated header keeps its first value. */
  headers: Record<string, string>;
  body: Buffer;
}

const CRLF = Buffer.from('\r\n');
const BOUNDARY_CHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/**
 * The boundary parameter of a `multipart/mixed` Content-Type header.
 * @example boundaryFromContentType('multipart/mixed; boundary="abc 123"') // { ok: true, value: 'abc 123' }
 */
export function boundaryFromContentType(contentType: string | undefined): XapiResult<string> {
  const fail = (message: string): XapiResult<string> => ({ ok: false, issues: [{ path: 'Content-Type', message }] });
  if (!contentType) return fail('is required');
  const [essence, ...params] = splitParameters(contentType);
  if (essence.toLowerCase() !== 'multipart/mixed') return fail(`must be multipart/mixed, got ${JSON.stringify(essence)}`);
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    let value = param.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!BOUNDARY_CHARS.test(value)) return fail('has a boundary parameter that is not a valid RFC 2046 boundary');
    return { ok: true, value };
  }
  return fail('must have a boundary parameter for multipart/mixed');
}

/** Splits `a/b; x=1; y="p;q"` at semicolons outside quotes. */
function splitParameters(header: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

/**
 * Splits a multipart body into its parts. Preamble and epilogue are ignored; the body must contain
 * at least one part and the close delimiter.
 *
 * @example
 * const parts = parseMultipart(body, 'xyz');
 * if (parts.ok) parts.value[0].headers['content-type'] // 'application/json'
 */
export function parseMultipart(body: Buffer, boundary: string): XapiResult<MultipartPart[]> {
  const fail = (message: string): XapiResult<MultipartPart[]> => ({ ok: false, issues: [{ path: 'body', message }] });
  const delimiter = Buffer.from(`--${boundary}`);
  const crlfDelimiter = Buffer.concat([CRLF, delimiter]);

  let position: number;
  if (body.subarray(0, delimiter.length).equals(delimiter)) position = delimiter.length;
  else {
    const first = body.indexOf(crlfDelimiter);
    if (first === -1) return fail(`has no "--${boundary}" delimiter line`);
    position = first + crlfDelimiter.length;
  }

  // After a delimiter: "--" closes, optional spaces then CRLF opens a part; anything else means the
  // bytes only looked like a delimiter, so they belong to the part and the search goes on.
  const afterDelimiter = (at: number): 'close' | number | undefined => {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return 'close';
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    return body[at] === 0x0d && body[at + 1] === 0x0a ? at + 2 : undefined;
  };

  const parts: MultipartPart[] = [];
  let next = afterDelimiter(position);
  if (next === undefined) return fail(`has a delimiter line "--${boundary}" followed by other text`);
  while (next !== 'close') {
    const start: number = next;
    let search = start;
    let following: 'close' | number | undefined;
    let end: number;
    do {
      end = body.indexOf(crlfDelimiter, search);
      if (end === -1) return fail(`has no closing "--${boundary}--" delimiter`);
      following = afterDelimiter(end + crlfDelimiter.length);
      search = end + 1;
    } while (following === undefined);
    const part = splitPart(body.subarray(start, end));
    if (!part.ok) return fail(part.error);
    parts.push(part.value);
    next = following;
  }
  return parts.length ? { ok: true, value: parts } : fail('has no parts');
}

type PartResult = { ok: true; value: MultipartPart } | { ok: false; error: string };

function splitPart(content: Buffer): PartResult {
  if (content.length >= 2 && content[0] === 0x0d && content[1] === 0x0a) {
    return { ok: true, value: { headers: {}, body: content.subarray(2) } };
  }
  const blank = content.indexOf('\r\n\r\n');
  if (blank === -1) {
    if (content.length === 0) return { ok: true, value: { headers: {}, body: content } };
    return { ok: false, error: 'has a part without a blank line after its headers' };
  }
  const headers = parseHeaders(content.subarray(0, blank).toString('latin1'));
  if (typeof headers === 'string') return { ok: false, error: headers };
  return { ok: true, value: { headers, body: content.subarray(blank + 4) } };
}

function parseHeaders(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  const lines: string[] = [];
  for (const line of text.split('\r\n')) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length) lines[lines.length - 1] += ` ${line.trim()}`;
    else lines.push(line);
  }
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(name)) return `has a malformed part header line ${JSON.stringify(line.slice(0, 80))}`;
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Builds a multipart/mixed body. The boundary is random and checked against every part's body.
 * @example
 * const { contentType, body } = buildMultipart([
 *   { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(result) },
 *   { headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha }, body: data },
 * ]);
 */
export function buildMultipart(
  parts: readonly { headers: Record<string, string>; body: Buffer | string }[],
  boundary?: string,
): { contentType: string; body: Buffer } {
  const bodies = parts.map((p) => (typeof p.body === 'string' ? Buffer.from(p.body, 'utf8') : p.body));
  let chosen = boundary ?? randomBoundary();
  while (bodies.some((b) => b.includes(`--${chosen}`))) {
    if (boundary) throw new Error('the given boundary occurs inside a part');
    chosen = randomBoundary();
  }
  const chunks: Buffer[] = [];
  parts.forEach((part, i) => {
    const head = Object.entries(part.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${chosen}\r\n${head}\r\n`, 'latin1'), bodies[i], CRLF);
  });
  chunks.push(Buffer.from(`--${chosen}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${chosen}`, body: Buffer.concat(chunks) };
}

function randomBoundary(): string {
  return `xapi-${randomBytes(16).toString('hex')}`;
}
