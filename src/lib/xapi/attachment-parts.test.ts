import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildStatementsResponse, matchAttachmentParts, readMultipartStatementRequest } from './attachment-parts.ts';
import { boundaryFromContentType, parseMultipart } from './multipart.ts';
import type { Statement } from './statement.types.ts';
import { baseStatement } from './testdata/statements.ts';
import { validateStatements } from './validate-statement.ts';

const essay = Buffer.from('My essay on search algorithms.\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function statementWithEssay(): Statement {
  return {
    ...baseStatement(),
    attachments: [
      {
        usageType: 'http://example.com/attachment-usage/essay',
        display: { en: 'Essay' },
        contentType: 'text/plain',
        length: essay.length,
        sha2: sha(essay),
      },
    ],
  };
}

/** A request body shaped like the conformance suite's. */
function body(statements: unknown, parts: { headers: string[]; data: Buffer }[], boundary = '-------314159265358979323846') {
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const p of parts) chunks.push(Buffer.from(`--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n`), p.data, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` };
}

const essayPart = (
  headers = ['Content-Type: text/plain', 'Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${sha(essay)}`],
) => ({ headers, data: essay });

function readAndMatch(request: { body: Buffer; contentType: string }) {
  const read = readMultipartStatementRequest(request.body, request.contentType);
  if (!read.ok) return read;
  const valid = validateStatements(read.value.statements);
  if (!valid.ok) return valid;
  return matchAttachmentParts(valid.value, read.value.attachments);
}

describe('statements with attachments over multipart/mixed', () => {
  it('accepts a statement with its attachment part and matches it by sha2', () => {
    const matched = readAndMatch(body([statementWithEssay()], [essayPart()]));
    expect(matched.ok).toBe(true);
    if (matched.ok) expect(matched.value.get(sha(essay))?.body.equals(essay)).toBe(true);
  });

  it('accepts an attachment that only has a fileUrl, and a multipart request without attachments', () => {
    const s = statementWithEssay();
    s.attachments![0].fileUrl = 'https://files.example.edu.hk/essay.txt';
    expect(readAndMatch(body([s], [])).ok).toBe(true);
    expect(readAndMatch(body(baseStatement(), [])).ok).toBe(true);
  });

  it.each<[string, () => { body: Buffer; contentType: string }, string]>([
    ['a missing attachment part', () => body([statementWithEssay()], []), '[0].attachments[0].sha2'],
    [
      'an excess part no attachment declares',
      () =>
        body(
          [statementWithEssay()],
          [essayPart(), { headers: [`X-Experience-API-Hash: ${sha(Buffer.from('x'))}`], data: Buffer.from('x') }],
        ),
      'parts[2]',
    ],
    [
      'a part without X-Experience-API-Hash',
      () => body([statementWithEssay()], [essayPart(['Content-Type: text/plain'])]),
      'parts[1].X-Experience-API-Hash',
    ],
    [
      'a hash header that does not match the data',
      () => body([statementWithEssay()], [essayPart([`X-Experience-API-Hash: ${sha(Buffer.from('other'))}`])]),
      'parts[1].X-Experience-API-Hash',
    ],
    [
      'a base64 transfer encoding',
      () => body([statementWithEssay()], [essayPart(['Content-Transfer-Encoding: base64', `X-Experience-API-Hash: ${sha(essay)}`])]),
      'parts[1].Content-Transfer-Encoding',
    ],
    [
      'a part type contradicting contentType',
      () => body([statementWithEssay()], [essayPart(['Content-Type: image/png', `X-Experience-API-Hash: ${sha(essay)}`])]),
      '[0].attachments[0].contentType',
    ],
    [
      'a missing boundary parameter',
      () => ({ ...body([statementWithEssay()], [essayPart()]), contentType: 'multipart/mixed;' }),
      'Content-Type',
    ],
    [
      'a first part that is not JSON',
      () => {
        const b = body([statementWithEssay()], [essayPart()]);
        return { ...b, body: Buffer.from(b.body.toString('latin1').replace('application/json', 'text/plain'), 'latin1') };
      },
      'parts[0].Content-Type',
    ],
  ])('refuses %s', (_what, request, path) => {
    const result = readAndMatch(request());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });

  it('builds a GET response with the JSON first and each attachment once', () => {
    const part = { sha2: sha(essay), contentType: 'text/plain', body: essay };
    const { contentType, body: out } = buildStatementsResponse({ statements: [statementWithEssay()], more: '' }, [part, part]);
    const boundary = boundaryFromContentType(contentType);
    expect(boundary.ok).toBe(true);
    const parsed = boundary.ok ? parseMultipart(out, boundary.value) : undefined;
    expect(parsed?.ok).toBe(true);
    if (!parsed?.ok) return;
    expect(parsed.value).toHaveLength(2);
    expect(parsed.value[0].headers['content-type']).toBe('application/json');
    expect(parsed.value[1].headers).toEqual({
      'content-type': 'text/plain',
      'content-transfer-encoding': 'binary',
      'x-experience-api-hash': sha(essay),
    });
    expect(parsed.value[1].body.equals(essay)).toBe(true);
  });
});
