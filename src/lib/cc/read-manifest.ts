import { CartridgeError } from './cartridge.types.ts';
import { attr, child, children, langString, parseXml, text, type XmlNode } from './xml.ts';

export type CcVersion = '1.0' | '1.1' | '1.2' | '1.3';

export interface ManifestResource {
  identifier: string;
  type: string;
  href?: string;
  files: string[];
  dependencies: string[];
}

export interface ManifestItem {
  identifier: string;
  title: string;
  identifierref?: string;
  children: ManifestItem[];
}

export interface Manifest {
  version: CcVersion;
  thin: boolean;
  identifier?: string;
  title: string;
  description?: string;
  language?: string;
  organizations: ManifestItem[][];
  resources: ManifestResource[];
}

/**
 * Reads `imsmanifest.xml`. CC 1.0 is read as well as 1.1–1.3 (and Thin CC): its package structure is the
 * same IMS Content Packaging 1.1 manifest, only the namespaces and resource-type suffixes differ
 * (`imswl_xmlv1p0`, `imsdt_xmlv1p0`), and refusing it would lose real content (e.g. SERC exports).
 * Anything else claiming to be a cartridge (a newer or unknown version, plain IMS CP/SCORM without a
 * CC namespace) is UNSUPPORTED_VERSION.
 */
export function readManifest(xml: string): Manifest {
  const doc = parseXml(xml);
  const root = child(doc, 'manifest');
  if (!root) throw new CartridgeError('MANIFEST_INVALID', 'imsmanifest.xml is not a well-formed <manifest>');
  const metadata = child(root, 'metadata');
  const schema = text(child(metadata, 'schema'));
  const version = detectVersion(text(child(metadata, 'schemaversion')), attr(root, 'version'), xml.slice(0, 4000));
  const lom = child(metadata, 'lom');
  const general = child(lom, 'general');
  const title = langString(child(general, 'title'));
  const description = langString(child(general, 'description')) || undefined;
  const language = text(child(general, 'language')) || attr(children(child(general, 'title'), 'string')[0], 'language') || undefined;

  const organizations = children(child(root, 'organizations'), 'organization').map((o) => children(o, 'item').map(readItem));
  const resources = children(child(root, 'resources'), 'resource').map(readResource);
  return {
    version,
    thin: /thin/i.test(schema),
    identifier: attr(root, 'identifier'),
    title,
    description,
    language,
    organizations,
    resources,
  };
}

function detectVersion(schemaVersion: string, versionAttr: string | undefined, head: string): CcVersion {
  const m = /^(\d+)\.(\d+)/.exec(schemaVersion) ?? /(\d+)\.(\d+)\.\d+/.exec(versionAttr ?? '');
  if (m) {
    const v = `${m[1]}.${m[2]}`;
    if (v === '1.0' || v === '1.1' || v === '1.2' || v === '1.3') return v;
    throw new CartridgeError('UNSUPPORTED_VERSION', `schemaversion ${schemaVersion || versionAttr}`);
  }
  const ns = /imsccv1p([0-3])\//.exec(head);
  if (ns) return `1.${ns[1]}` as CcVersion;
  if (/xsd\/imscc\/imscp_v1p1/.test(head)) return '1.0';
  throw new CartridgeError('UNSUPPORTED_VERSION', 'not an IMS Common Cartridge manifest');
}

function readItem(node: XmlNode): ManifestItem {
  return {
    identifier: attr(node, 'identifier') ?? '',
    title: text(child(node, 'title')),
    identifierref: attr(node, 'identifierref') || undefined,
    children: children(node, 'item').map(readItem),
  };
}

function readResource(node: XmlNode): ManifestResource {
  // xml:base (IMS CP) prefixes the resource's relative hrefs.
  const base = (attr(node, 'base') ?? '').replace(/^\/+/, '');
  const withBase = (h: string) => (base && !/^[a-z]+:/i.test(h) ? `${base.replace(/\/?$/, '/')}${h}` : h);
  const href = attr(node, 'href');
  return {
    identifier: attr(node, 'identifier') ?? '',
    type: attr(node, 'type') ?? '',
    href: href ? withBase(href) : undefined,
    files: children(node, 'file')
      .map((f) => attr(f, 'href'))
      .filter((h): h is string => !!h)
      .map(withBase),
    dependencies: children(node, 'dependency')
      .map((d) => attr(d, 'identifierref'))
      .filter((h): h is string => !!h),
  };
}
