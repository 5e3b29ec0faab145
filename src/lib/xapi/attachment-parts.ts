/**
 * Statements with attachments over multipart/mixed (Communication 1.5.2): reading a PUT/POST body
 * into the statements JSON and the attachment parts, matching parts to Attachment objects by SHA-2
 * (the only way allowed, 1.5.2.s1.b4), and building the multipart response of GET ?attachments=true.
 */
import { createHash } from 'node:crypto';
import { isSha2Hex } from './formats.ts';
import type { XapiIssue, XapiResult } from './issues.ts';
import { boundaryFromContentType, buildMultipart, parseMultipart } from './multipart.ts';
import type { Attachment, Statement } from './statement.types.ts';
import { mediaTypeEssence } from './validate-statement.ts';

/** The raw data of one attachment, its hash checked against its bytes. */
export interface AttachmentPart {
  /** Lower-case hex SHA-2 from X-Experience-API-Hash, equal to the digest of `body`. */
  sha2: string;
  contentType?: string;
  body: Buffer;
}

export interface MultipartStatementRequest {
  /** The first part, parsed as JSON but not yet validated (pass it to validateStatements). */
  statements: unknown;
  attachments: AttachmentPart[];
}

const DIGEST_BY_HEX_LENGTH: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/**
 * Reads a multipart/mixed statement request: the first part must be application/json with the
 * statements; every other part must carry X-Experience-API-Hash (checked against its bytes) and,
 * when it says, Content-Transfer-Encoding binary (1.5.2.s2.b2; an absent one is taken as binary,
 * 1.5.2.s3.b6).
 *
 * @example
 * const read = readMultipartStatementRequest(rawBody, request.headers['content-type']);
 * if (!read.ok) return reply.code(400).send({ errors: read.issues });
 */
export function readMultipartStatementRequest(body: Buffer, contentType: string | undefined): XapiResult<MultipartStatementRequest> {
  const boundary = boundaryFromContentType(contentType);
  if (!boundary.ok) return boundary;
  const parsed = parseMultipart(body, boundary.value);
  if (!parsed.ok) return parsed;
  const [first, ...rest] = parsed.value;
  const issues: XapiIssue[] = [];

  const firstType = first.headers['content-type'];
  if (firstType === undefined || mediaTypeEssence(firstType) !== 'application/json') {
    issues.push({ path: 'parts[0].Content-Type', message: 'the first part must be application/json and hold the statements' });
  }
  let statements: unknown;
  try {
    statements = JSON.parse(first.body.toString('utf8'));
  } catch {
    issues.push({ path: 'parts[0]', message: 'the first part is not valid JSON' });
  }

  const attachments: AttachmentPart[] = [];
  rest.forEach((part, index) => {
    const path = `parts[${index + 1}]`;
    const encoding = part.headers['content-transfer-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'binary') {
      issues.push({ path: `${path}.Content-Transfer-Encoding`, message: `must be "binary", got ${JSON.stringify(encoding)}` });
    }
    const declared = part.headers['x-experience-api-hash'];
    if (declared === undefined) {
      issues.push({ path: `${path}.X-Experience-API-Hash`, message: 'is required on every attachment part (the SHA-2 of its data)' });
      return;
    }
    if (!isSha2Hex(declared)) {
      issues.push({ path: `${path}.X-Experience-API-Hash`, message: 'must be a hex SHA-2 digest' });
      return;
    }
    const sha2 = declared.toLowerCase();
    const actual = createHash(DIGEST_BY_HEX_LENGTH[sha2.length]).update(part.body).digest('hex');
    if (actual !== sha2) {
      issues.push({ path: `${path}.X-Experience-API-Hash`, message: 'does not match the SHA-2 of the part data' });
      return;
    }
    attachments.push({ sha2, contentType: part.headers['content-type'], body: part.body });
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: { statements, attachments } };
}

/** Every Attachment object of a statement, those of a SubStatement object included. */
export function statementAttachments(statement: Statement): Attachment[] {
  const own = statement.attachments ?? [];
  const object = statement.object;
  return object.objectType === 'SubStatement' && object.attachments ? [...own, ...object.attachments] : own;
}

/**
 * Pairs attachment parts with the statements' Attachment objects by SHA-2. Refuses an Attachment
 * with neither fileUrl nor a part (1.5.2.s3.b5), a part no Attachment declares (an "excess part",
 * refused by the conformance suite), and a part whose Content-Type contradicts the declared
 * contentType (1.5.2.s2.b2.b7). Returns the parts by lower-case sha2, ready to store.
 *
 * @example
 * const matched = matchAttachmentParts(valid.value, read.value.attachments);
 */
export function matchAttachmentParts(
  statements: readonly Statement[],
  parts: readonly AttachmentPart[],
): XapiResult<Map<string, AttachmentPart>> {
  const issues: XapiIssue[] = [];
  const bySha = new Map<string, AttachmentPart>();
  for (const part of parts) bySha.set(part.sha2, part);
  const used = new Set<string>();

  statements.forEach((statement, s) => {
    statementAttachments(statement).forEach((attachment, a) => {
      const sha2 = attachment.sha2.toLowerCase();
      const part = bySha.get(sha2);
      const path = `[${s}].attachments[${a}]`;
      if (!part) {
        if (attachment.fileUrl === undefined) {
          issues.push({ path: `${path}.sha2`, message: 'has no multipart part with this X-Experience-API-Hash and no fileUrl' });
        }
        return;
      }
      used.add(sha2);
      if (part.contentType !== undefined && mediaTypeEssence(part.contentType) !== mediaTypeEssence(attachment.contentType)) {
        issues.push({
          path: `${path}.contentType`,
          message: `is ${JSON.stringify(attachment.contentType)} but its part says ${JSON.stringify(part.contentType)}`,
        });
      }
    });
  });
  parts.forEach((part, i) => {
    if (!used.has(part.sha2)) {
      issues.push({ path: `parts[${i + 1}]`, message: 'is not the data of any attachment in the statements (no matching sha2)' });
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: bySha };
}

/**
 * The multipart/mixed response of GET /statements?attachments=true (Communication 2.1.3.s2.b6):
 * the JSON first, then each attachment's data once.
 * @example
 * const { contentType, body } = buildStatementsResponse(statementResult, parts);
 * reply.header('Content-Type', contentType).send(body);
 */
export function buildStatementsResponse(json: unknown, attachments: readonly AttachmentPart[]): { contentType: string; body: Buffer } {
  const seen = new Set<string>();
  const parts: { headers: Record<string, string>; body: string | Buffer }[] = [
    { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) },
  ];
  for (const attachment of attachments) {
    if (seen.has(attachment.sha2)) continue;
    seen.add(attachment.sha2);
    parts.push({
      headers: {
        'Content-Type': attachment.contentType ?? 'application/octet-stream',
        'Content-Transfer-Encoding': 'binary',
        'X-Experience-API-Hash': attachment.sha2,
      },
      body: attachment.body,
    });
  }
  return buildMultipart(parts);
}
