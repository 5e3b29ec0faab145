import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryFromContentType, buildMultipart, parseMultipart } from './multipart.ts';

describe('multipart/mixed Content-Type', () => {
  it.each([
    ['multipart/mixed; boundary=abc123', 'abc123'],
    ['Multipart/Mixed;boundary="a b:c"', 'a b:c'],
    ['multipart/mixed; charset=utf-8; boundary=-------314159265358979323846', '-------314159265358979323846'],
  ])('reads the boundary of %s', (header, boundary) => {
    expect(boundaryFromContentType(header)).toEqual({ ok: true, value: boundary });
  });
  it.each(['multipart/mixed;', 'multipart/form-data; boundary=x', 'application/json', ''])('refuses %j', (header) => {
    expect(boundaryFromContentType(header).ok).toBe(false);
  });
});

describe('parsing multipart bodies', () => {
  it('reads the body the conformance suite sends for signed statements (leading CRLF, no spaces, no final CRLF)', () => {
    const body = Buffer.from(
      '\r\n--b1\r\nContent-Type:application/json\r\n\r\n{"a":1}\r\n--b1\r\nContent-Type:application/octet-stream\r\nContent-Transfer-Encoding:binary\r\nX-Experience-API-Hash:00\r\n\r\nJWS\r\n--b1--',
    );
    const parsed = parseMultipart(body, 'b1');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.map((p) => [p.headers, p.body.toString()])).toEqual([
      [{ 'content-type': 'application/json' }, '{"a":1}'],
      [{ 'content-type': 'application/octet-stream', 'content-transfer-encoding': 'binary', 'x-experience-api-hash': '00' }, 'JWS'],
    ]);
  });

  it('ignores preamble and epilogue and keeps binary data intact', () => {
    const data = Buffer.from([0, 13, 10, 45, 45, 255, 13, 10]);
    const body = Buffer.concat([Buffer.from('preamble text\r\n--xyz\r\nA: 1\r\n\r\n'), data, Buffer.from('\r\n--xyz--\r\nepilogue')]);
    const parsed = parseMultipart(body, 'xyz');
    expect(parsed.ok && parsed.value[0].body.equals(data)).toBe(true);
  });

  it('treats a delimiter-like line inside data as data', () => {
    const parsed = parseMultipart(Buffer.from('--b\r\n\r\nline\r\n--bogus\r\nmore\r\n--b--'), 'b');
    expect(parsed.ok && parsed.value[0].body.toString()).toBe('line\r\n--bogus\r\nmore');
  });

  it.each([
    ['no delimiter at all', 'just text'],
    ['no closing delimiter', '--b\r\nA: 1\r\n\r\ndata'],
    ['no blank line after the headers', '--b\r\nA: 1\r\n--b--'],
    ['a malformed header line', '--b\r\nnot a header\r\n\r\nx\r\n--b--'],
    ['only a close delimiter', '--b--'],
  ])('refuses a body with %s', (_what, text) => {
    expect(parseMultipart(Buffer.from(text), 'b').ok).toBe(false);
  });

  const part = fc.record({
    headers: fc.dictionary(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/),
      fc.stringMatching(/^[ -~]{0,30}$/).map((s) => s.trim()),
      { maxKeys: 4 },
    ),
    body: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  });

  it('round-trips whatever buildMultipart writes (property test)', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const { contentType, body } = buildMultipart(parts);
        const boundary = boundaryFromContentType(contentType);
        if (!boundary.ok) return false;
        const parsed = parseMultipart(body, boundary.value);
        if (!parsed.ok) return false;
        return (
          parsed.value.length === parts.length &&
          parsed.value.every((p, i) => {
            // Names come back in lower case; a name repeated in another case keeps its first value.
            const expected: Record<string, string> = {};
            for (const [k, v] of Object.entries(parts[i].headers)) expected[k.toLowerCase()] ??= v;
            return p.body.equals(parts[i].body) && JSON.stringify(p.headers) === JSON.stringify(expected);
          })
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes (property test)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('b', 'xyz', '--'), (bytes, boundary) => {
        const withDelimiters = Buffer.concat([Buffer.from(`--${boundary}\r\n`), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--`)]);
        parseMultipart(Buffer.from(bytes), boundary);
        parseMultipart(withDelimiters, boundary);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
