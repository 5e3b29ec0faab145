import fc from 'fast-check';
import { zipSync } from 'fflate';

/**
 * Shared generators of hostile outside input. Each mixes fully random values with near-valid ones (real
 * headers, real element names, real field names), because parsers mostly break just past the happy path.
 */

/** Fragments that look like what the parsers hunt for: names, numbers, ids, phones, XML, CSV quoting. */
const PIECES = [
  '陈',
  '大文',
  '黃',
  'Chan Tai Man',
  '13800138000',
  '+852 9123 4567',
  'A123456(3)',
  '440106200901011234',
  '1234567(8)',
  'student@example.edu',
  '广州市天河区',
  ' ',
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\u0000',
  '<',
  '>',
  '&amp;',
  '&#xD800;',
  '<![CDATA[',
  ']]>',
  '初一(1)班',
  '学生',
  '班主任',
  '2026-02-30',
  '9'.repeat(40),
  '\uD83D\uDE00',
  'ｱ',
  '\u202E',
];

/** Any Unicode: astral planes, lone surrogates, controls, combining marks, RTL marks, NUL. */
export const anyText = (maxLength = 200) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({
      unit: fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u202E', '\u200B', '\uFEFF', '\r', '\n', '"', ',', '\t', '́'),
      maxLength: 20,
    }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
  );

export const anyBytes = (maxLength = 2048) => fc.uint8Array({ maxLength });

/** A CSV-ish document: rows of random cells, sometimes starting with a header the parser recognises. */
export const csvText = (headers: readonly string[][]) =>
  fc
    .record({
      header: fc.oneof(fc.constantFrom(...headers), fc.array(anyText(12), { maxLength: 6 })),
      rows: fc.array(fc.array(anyText(24), { maxLength: 8 }), { maxLength: 12 }),
      quote: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
    })
    .map(({ header, rows, quote, eol }) =>
      [header, ...rows].map((cells) => cells.map((c) => (quote ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join(eol),
    );

/** A zip whose entries have random names (traversal, absolute, backslashes, unicode) and contents. */
export const zipOf = (namedEntries: fc.Arbitrary<Record<string, Uint8Array>>) =>
  fc.tuple(namedEntries, fc.dictionary(entryName, anyBytes(256), { maxKeys: 4 })).map(([fixed, extra]) => {
    try {
      return zipSync({ ...extra, ...fixed }, { level: 1 });
    } catch {
      // fflate refuses some names itself (e.g. a name that is also a folder); a plain file stands in.
      return zipSync(fixed, { level: 1 });
    }
  });

export const entryName = fc.oneof(
  fc.constantFrom('../../evil.html', '/etc/passwd', 'a\\..\\..\\b.txt', 'web/../../x', 'C:/x', '%2e%2e/x', 'a/./b/../c.html', '​.html'),
  fc.stringMatching(/^[a-zA-Z0-9_./-]{1,30}$/),
  anyText(30).filter((s) => s.length > 0),
);

/** Random JSON: arbitrary structure, plus prototype-pollution and huge-number probes. */
export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
    { constructor: { prototype: { polluted: 1 } } },
    1e308,
    -0,
    '\uD800',
  ),
);

/** An XML document built from real element names in random nesting, with random attributes and text. */
export const xmlDocument = (elements: readonly string[]) => {
  const node: fc.Memo<string> = fc.memo((depth) =>
    depth <= 0
      ? fc.oneof(anyText(20).map(xmlEscapeSome), fc.constant(''))
      : fc
          .record({
            name: fc.oneof(fc.constantFrom(...elements), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9:_-]{0,12}$/)),
            attrs: fc.dictionary(fc.constantFrom('identifier', 'identifierref', 'href', 'type', 'xml:base', 'isvisible'), anyText(20), {
              maxKeys: 3,
            }),
            children: fc.array(node(depth - 1), { maxLength: 4 }),
          })
          .map(
            ({ name, attrs, children }) =>
              `<${name}${Object.entries(attrs)
                .map(([k, v]) => ` ${k}="${xmlEscapeSome(v).replaceAll('"', '&quot;')}"`)
                .join('')}>${children.join('')}</${name}>`,
          ),
  );
  return fc.tuple(fc.boolean(), node(4)).map(([decl, body]) => (decl ? `<?xml version="1.0" encoding="UTF-8"?>${body}` : body));
};

/** Escapes most markup, but lets some through: half-broken XML is the interesting kind. */
const xmlEscapeSome = (s: string) => (s.length % 3 === 0 ? s : s.replaceAll('&', '&amp;').replaceAll('<', '&lt;'));
