import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Cartridge, CartridgeData } from './cartridge.types.ts';
import { buildExtensionData, extensionResourceType } from './extension-data.ts';
import { isSafeArchivePath, PathAllocator, relativeUrl, safeSegment } from './export-paths.ts';
import { rewriteExportedHtml } from './rewrite-html.ts';
import {
  buildBasicLti,
  buildDiscussion,
  buildManifest,
  buildPageDocument,
  buildWebLink,
  type ManifestOut,
  type ManifestResourceOut,
  type WriteVersion,
} from './write-manifest.ts';
import { safeDecode } from './zip-path.ts';

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Writes a Cartridge as an IMS Common Cartridge (`.imscc`), CC 1.3 or 1.1: one organisation (units →
 * items), each page a webcontent HTML resource depending on the files it uses, each file its own
 * webcontent resource, links as `imswl`, LTI as basic LTI, discussions as `imsdt`. `unsupported` items
 * have nothing to export and are left out. Files keep their `files` key as archive path when it is a safe
 * relative path; others are renamed under `files/`. Page HTML references to `files` keys are rewritten to
 * URLs relative to the page. Throws an Error when a file item names a path missing from `files`.
 *
 * @example const bytes = await writeCartridge(cartridge, files, { version: '1.3' });
 */
export async function writeCartridge(c: Cartridge, files: Map<string, Uint8Array>, opts: { version: WriteVersion }): Promise<Uint8Array> {
  const { version } = opts;
  const paths = new PathAllocator();
  paths.reserve('imsmanifest.xml');
  const zip: Zippable = {};
  const resources: ManifestResourceOut[] = [];

  // Files first, so their own (round-trippable) paths win over generated ones.
  const fileResource = new Map<string, { id: string; path: string }>();
  let n = 0;
  for (const [key, bytes] of files) {
    let path = key.normalize('NFC');
    if (!isSafeArchivePath(path) || !paths.reserve(path)) {
      const name = safeSegment(key.split('/').pop() ?? '', 'file');
      const dot = name.lastIndexOf('.');
      path = paths.allocate('files', dot > 0 ? name.slice(0, dot) : name, dot > 0 ? name.slice(dot) : '');
    }
    const id = `F_${++n}`;
    fileResource.set(key, { id, path });
    zip[path] = bytes;
    resources.push({ identifier: id, type: 'webcontent', href: path, files: [path], dependencies: [] });
  }
  const lookupFile = (ref: string) => fileResource.get(ref) ?? fileResource.get(safeDecode(ref));

  const units: ManifestOut['units'] = [];
  const itemData = new Map<string, CartridgeData>();
  let itemNo = 0;
  c.units.forEach((unit, u) => {
    const items: ManifestOut['units'][number]['items'] = [];
    for (const item of unit.items) {
      const itemId = `I_${++itemNo}`;
      const resId = `R_${itemNo}`;
      const base = safeSegment(item.title, `item-${itemNo}`);
      switch (item.kind) {
        case 'page': {
          const path = paths.allocate('pages', base, '.html');
          const deps = new Set<string>();
          const body = rewriteExportedHtml(item.html, (ref) => {
            const f = lookupFile(ref);
            if (!f) return undefined;
            deps.add(f.id);
            return relativeUrl('pages', f.path);
          });
          zip[path] = strToU8(buildPageDocument(item.title, body, c.language));
          resources.push({ identifier: resId, type: 'webcontent', href: path, files: [path], dependencies: [...deps] });
          if (item.data) itemData.set(resId, item.data);
          break;
        }
        case 'file': {
          const f = fileResource.get(item.path);
          if (!f) throw new Error(`file item "${item.title}" names ${item.path}, which is not in files`);
          items.push({ identifier: itemId, title: item.title, ref: f.id });
          continue;
        }
        case 'link': {
          const path = paths.allocate('links', base, '.xml');
          zip[path] = strToU8(buildWebLink(item.title, item.url, version));
          resources.push({
            identifier: resId,
            type: version === '1.1' ? 'imswl_xmlv1p1' : 'imswl_xmlv1p3',
            files: [path],
            dependencies: [],
          });
          break;
        }
        case 'lti': {
          const path = paths.allocate('lti', base, '.xml');
          zip[path] = strToU8(buildBasicLti(item.title, item.url));
          resources.push({ identifier: resId, type: 'imsbasiclti_xmlv1p0', files: [path], dependencies: [] });
          break;
        }
        case 'discussion': {
          const path = paths.allocate('discussions', base, '.xml');
          zip[path] = strToU8(buildDiscussion(item.title, item.html, version));
          resources.push({
            identifier: resId,
            type: version === '1.1' ? 'imsdt_xmlv1p1' : 'imsdt_xmlv1p3',
            files: [path],
            dependencies: [],
          });
          break;
        }
        case 'unsupported':
          continue;
      }
      items.push({ identifier: itemId, title: item.title, ref: resId });
    }
    units.push({ identifier: `U_${u + 1}`, title: unit.title, items });
  });

  if (c.data || itemData.size) {
    const path = paths.allocate('extensions', 'edubridge-data', '.xml');
    zip[path] = strToU8(buildExtensionData(c.data, itemData));
    resources.push({ identifier: 'EXT_DATA', type: extensionResourceType(version), href: path, files: [path], dependencies: [] });
  }

  const manifest = buildManifest(
    {
      identifier: c.identifier && NCNAME.test(c.identifier) ? c.identifier : `CC_${Date.now().toString(36)}`,
      title: c.title,
      description: c.description,
      language: c.language,
      units,
      resources,
    },
    version,
  );
  // The manifest goes first: some importers only look at the start of the archive.
  return zipSync({ 'imsmanifest.xml': strToU8(manifest), ...zip }, { level: 6 });
}
