import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements that may repeat; always arrays after parsing, so callers never test for "one or many". */
const REPEATED = new Set(['organization', 'item', 'resource', 'file', 'dependency', 'string', 'attachment']);

/**
 * CC packages come from many exporters, each with its own namespace prefixes (`lomimscc:`, `lomm:`, `mnf:`),
 * so prefixes are dropped and elements are matched by local name. Values stay strings.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Parses XML text (a leading BOM is dropped); null when it is not well-formed. */
export function parseXml(text: string): XmlNode | null {
  const clean = text.replace(/^\uFEFF/, '');
  if (XMLValidator.validate(clean) !== true) return null;
  return parser.parse(clean) as XmlNode;
}

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const v = (node as XmlNode)[name];
  if (Array.isArray(v)) return v[0] as XmlNode;
  if (v === undefined || v === null) return undefined;
  return (typeof v === 'object' ? v : { '#text': v }) as XmlNode;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as XmlNode)[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' && x ? x : { '#text': x ?? '' }) as XmlNode);
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** Text content of a node, whether the parser left it as a string or as `{ '#text': … }`. */
export function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  if (Array.isArray(node)) return text(node[0]);
  const t = (node as XmlNode)['#text'];
  return t === undefined ? '' : String(t).trim();
}

/** A LOM langstring (`<title><string>…</string></title>`): the first non-empty string. */
export function langString(node: XmlNode | undefined): string {
  if (!node) return '';
  for (const s of children(node, 'string')) {
    const t = text(s);
    if (t) return t;
  }
  return text(node);
}
