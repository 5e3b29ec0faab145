import {
  CartridgeError,
  DEFAULT_LIMITS,
  type CartridgeLimits,
  type CartridgeUnit,
  type CartridgeWarning,
  type ReadResult,
} from './cartridge.types.ts';
import { readExtensionData } from './extension-data.ts';
import { foldOrganization } from './fold-organization.ts';
import { readItem, type ArchiveView } from './read-item.ts';
import { readManifest, type ManifestResource } from './read-manifest.ts';
import { unzipSafely } from './unzip-safely.ts';
import { decodeUtf8 } from './xml.ts';
import { resolveArchivePath, safeDecode } from './zip-path.ts';

/**
 * Reads an IMS Common Cartridge (1.0–1.3, Thin CC) into a Cartridge, the files its pages and file items
 * use, and warnings about what was skipped. Throws CartridgeError when the archive cannot be imported at
 * all (not a zip, unsafe, too big, no manifest, nothing in it).
 *
 * @example const { cartridge, files, warnings } = await readCartridge(bytes, { maxTotalBytes: 200e6 });
 */
export async function readCartridge(zip: Uint8Array, limits?: Partial<CartridgeLimits>): Promise<ReadResult> {
  const entries = unzipSafely(zip, { ...DEFAULT_LIMITS, ...limits });
  const manifestPath = [...entries.keys()].find((p) => p.toLowerCase() === 'imsmanifest.xml');
  if (!manifestPath) throw new CartridgeError(entries.size ? 'NO_MANIFEST' : 'EMPTY');
  const manifest = readManifest(decodeUtf8(entries.get(manifestPath)!));

  const warnings: CartridgeWarning[] = [];
  const resources = new Map<string, ManifestResource>();
  for (const r of manifest.resources) {
    if (resources.has(r.identifier)) {
      warnings.push({ code: 'DUPLICATE_IDENTIFIER', message: `resource identifier ${r.identifier} is used twice; the first is kept` });
    } else resources.set(r.identifier, r);
  }
  if (manifest.organizations.length > 1) {
    warnings.push({ code: 'MULTIPLE_ORGANIZATIONS', message: `${manifest.organizations.length} organisations; only the first is read` });
  }

  const archive: ArchiveView = {
    locate(href, baseDir = '') {
      return [resolveArchivePath(baseDir, href), resolveArchivePath(baseDir, safeDecode(href))].find(
        (p): p is string => !!p && entries.has(p),
      );
    },
    bytes: (p) => entries.get(p)!,
    exists: (p) => entries.has(p) && p !== manifestPath,
  };
  const used = new Set<string>();
  const pagePaths = new Set<string>();
  const ctx = { archive, warnings, useFile: (p: string) => used.add(p), pagePaths };

  const extension = readExtensionFile(resources.values(), archive);
  const title = manifest.title;
  const folded = foldOrganization(manifest.organizations[0] ?? [], title, warnings);
  const units: CartridgeUnit[] = folded.map((u) => ({
    title: u.title,
    items: u.leaves.map((leaf) => {
      const item = readItem(leaf.title, resources.get(leaf.identifierref), leaf.identifierref, ctx);
      const data = extension?.items.get(leaf.identifierref);
      return item.kind === 'page' && data ? { ...item, data } : item;
    }),
  }));
  if (!units.some((u) => u.items.length)) throw new CartridgeError('EMPTY', 'the organisation has no items');

  // Every file of a webcontent resource comes along (Canvas lists each uploaded file as one), except the
  // HTML that became page items, unless some page links to it.
  for (const r of resources.values()) {
    if (r.type !== 'webcontent') continue;
    for (const href of r.files) {
      const p = archive.locate(href);
      if (p && !pagePaths.has(p)) used.add(p);
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const p of [...used].sort()) if (entries.has(p)) files.set(p, entries.get(p)!);

  const cartridge = {
    title,
    ...(manifest.description ? { description: manifest.description } : {}),
    ...(manifest.language ? { language: manifest.language } : {}),
    ...(manifest.identifier ? { identifier: manifest.identifier } : {}),
    ...(extension?.course ? { data: extension.course } : {}),
    units,
  };
  return { cartridge, files, warnings };
}

/** Our extension file (extension-data.ts), if the package has one; other application resources are left alone. */
function readExtensionFile(resources: Iterable<ManifestResource>, archive: ArchiveView) {
  for (const r of resources) {
    if (!r.type.endsWith('/learning-application-resource')) continue;
    for (const href of r.files) {
      const p = archive.locate(href);
      if (!p || !p.endsWith('.xml')) continue;
      const found = readExtensionData(decodeUtf8(archive.bytes(p)));
      if (found) return found;
    }
  }
  return undefined;
}
