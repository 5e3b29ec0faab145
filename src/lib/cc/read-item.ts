import type { CartridgeItem, CartridgeWarning } from './cartridge.types.ts';
import type { ManifestResource } from './read-manifest.ts';
import { plainTextToHtml, rewriteImportedHtml } from './rewrite-html.ts';
import { attr, child, decodeUtf8, parseXml, text } from './xml.ts';
import { dirName } from './zip-path.ts';

export interface ArchiveView {
  /** The archive path of a manifest href (tried as written, then percent-decoded), if that file exists. */
  locate(href: string, baseDir?: string): string | undefined;
  bytes(path: string): Uint8Array;
  exists(path: string): boolean;
}

export interface ItemContext {
  archive: ArchiveView;
  warnings: CartridgeWarning[];
  /** Archive paths that belong in `files` (page assets, file items). */
  useFile(path: string): void;
  /** Archive paths of HTML that became page items (left out of `files` unless something links to them). */
  pagePaths: Set<string>;
}

const HTML = /\.x?html?$/i;

/** One organisation leaf → a Cartridge item; problems become warnings and an `unsupported` placeholder. */
export function readItem(title: string, resource: ManifestResource | undefined, ref: string, ctx: ItemContext): CartridgeItem {
  if (!resource) {
    ctx.warnings.push({ code: 'DANGLING_REFERENCE', message: `no resource ${ref}`, subject: title });
    return { kind: 'unsupported', title, type: 'missing' };
  }
  const type = resource.type;
  const mainHref = resource.href ?? resource.files[0];
  const main = mainHref ? ctx.archive.locate(mainHref) : undefined;
  const missing = (): CartridgeItem => {
    ctx.warnings.push({
      code: 'MISSING_FILE',
      message: `${type} resource ${resource.identifier}: ${mainHref ?? 'no file'} is not in the archive`,
      subject: title,
    });
    return { kind: 'unsupported', title, type };
  };

  if (type === 'webcontent') {
    if (!main) return missing();
    if (HTML.test(main)) {
      ctx.pagePaths.add(main);
      const html = rewriteImportedHtml(decodeUtf8(ctx.archive.bytes(main)), dirName(main), ctx.archive.exists, ctx.useFile);
      return { kind: 'page', title, html };
    }
    ctx.useFile(main);
    return { kind: 'file', title: title || main.split('/').pop()!, path: main };
  }

  const family = /^(imswl|imsdt|imsbasiclti)_xmlv1p\d/.exec(type)?.[1];
  if (!family) {
    ctx.warnings.push({ code: 'UNSUPPORTED_TYPE', message: `resource type ${type} is not imported`, subject: title });
    return { kind: 'unsupported', title, type };
  }
  if (!main) return missing();
  const xml = parseXml(decodeUtf8(ctx.archive.bytes(main)));
  const bad = (what: string): CartridgeItem => {
    ctx.warnings.push({ code: 'BAD_RESOURCE', message: `${main}: ${what}`, subject: title });
    return { kind: 'unsupported', title, type };
  };
  if (!xml) return bad('not well-formed XML');

  if (family === 'imswl') {
    const link = child(xml, 'webLink');
    const url = attr(child(link, 'url'), 'href');
    if (!url) return bad('weblink without url');
    return { kind: 'link', title: title || text(child(link, 'title')), url };
  }
  if (family === 'imsbasiclti') {
    const lti = child(xml, 'cartridge_basiclti_link');
    const url = text(child(lti, 'secure_launch_url')) || text(child(lti, 'launch_url'));
    if (!url) return bad('LTI link without launch_url');
    return { kind: 'lti', title: title || text(child(lti, 'title')), url };
  }
  const topic = child(xml, 'topic');
  if (!topic) return bad('discussion without topic');
  const body = child(topic, 'text');
  const raw = text(body);
  const html = /plain/i.test(attr(body, 'texttype') ?? '')
    ? plainTextToHtml(raw)
    : rewriteImportedHtml(raw, dirName(main), ctx.archive.exists, ctx.useFile);
  return { kind: 'discussion', title: title || text(child(topic, 'title')), html };
}
