import { XMLBuilder } from 'fast-xml-parser';
import type { CartridgeData } from './cartridge.types.ts';
import { attr, child, children, parseXml, text } from './xml.ts';

/**
 * Structured course data that Common Cartridge has no place for (a lesson plan's objectives, grades,
 * duration…) travels in one namespaced extension file, the way Canvas carries its course settings: a
 * `learning-application-resource` that no organisation item points at, so other LMSs ignore it and the
 * manifest stays valid against the CC schemas. Values are JSON text inside namespaced XML elements, one for
 * the course and one per page item (keyed by the item's resource identifier).
 */
export const EXTENSION_NAMESPACE = 'urn:edubridge:cc-data:v1';

export const extensionResourceType = (version: '1.1' | '1.3') =>
  `associatedcontent/imscc_xmlv1p${version === '1.1' ? 1 : 3}/learning-application-resource`;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' });

export function buildExtensionData(course: CartridgeData | undefined, items: Map<string, CartridgeData>): string {
  const data = {
    '@_xmlns': EXTENSION_NAMESPACE,
    // Repeated as an attribute: the shared XML reader drops namespace declarations (see xml.ts).
    '@_format': EXTENSION_NAMESPACE,
    ...(course ? { course: JSON.stringify(course) } : {}),
    item: [...items].map(([ref, d]) => ({ '@_ref': ref, '#text': JSON.stringify(d) })),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ data }) as string}`;
}

function jsonObject(raw: string): CartridgeData | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as CartridgeData) : undefined;
  } catch {
    return undefined;
  }
}

/** The extension file's content, or null when the XML is not ours (another exporter's application resource). */
export function readExtensionData(xml: string): { course?: CartridgeData; items: Map<string, CartridgeData> } | null {
  const root = child(parseXml(xml), 'data');
  if (!root || attr(root, 'format') !== EXTENSION_NAMESPACE) return null;
  const items = new Map<string, CartridgeData>();
  for (const node of children(root, 'item')) {
    const ref = attr(node, 'ref');
    const value = jsonObject(text(node));
    if (ref && value) items.set(ref, value);
  }
  const course = jsonObject(text(child(root, 'course')));
  return { ...(course ? { course } : {}), items };
}
