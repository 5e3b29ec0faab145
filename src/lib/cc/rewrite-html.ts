import sanitizeHtml from 'sanitize-html';
import { RICH_TEXT_ALLOW_LIST } from '../html/rich-text-allow-list.ts';
import { resolveArchivePath, safeDecode } from './zip-path.ts';

const FILEBASE = '$IMS-CC-FILEBASE$';

/**
 * The platform's rich-text allow-list (lib/html), so imported pages are as safe as authored ones. Relative
 * URLs are kept: they are the archive paths of the files that come with the page.
 */
const BASE_OPTIONS: sanitizeHtml.IOptions = {
  ...RICH_TEXT_ALLOW_LIST,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
};

/**
 * Sanitises an imported HTML page and rewrites its local links and images to archive paths: relative
 * references are resolved against the page's folder, and `$IMS-CC-FILEBASE$/x` (the CC token for "the
 * cartridge's web content", which Canvas points at `web_resources/`) is tried at the root, next to the page
 * and under `web_resources/`. A reference is rewritten only when the file exists; `onFile` hears each one.
 */
export function rewriteImportedHtml(
  html: string,
  pageDir: string,
  exists: (path: string) => boolean,
  onFile: (path: string) => void,
): string {
  const rewrite = (value: string | undefined): string | undefined => {
    if (!value) return value;
    const candidates: string[] = [];
    if (value.startsWith(FILEBASE)) {
      const rest = value.slice(FILEBASE.length).replace(/^\/+/, '');
      for (const base of ['', pageDir, 'web_resources']) candidates.push(...variants(base, rest));
    } else {
      candidates.push(...variants(pageDir, value));
    }
    const found = candidates.find(exists);
    if (!found) return value;
    onFile(found);
    return found;
  };
  return sanitizeHtml(html, {
    ...BASE_OPTIONS,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, href: rewrite(attribs.href) ?? '' } }),
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, src: rewrite(attribs.src) ?? '' } }),
    },
  }).trim();
}

function variants(base: string, ref: string): string[] {
  const raw = resolveArchivePath(base, ref);
  const decoded = resolveArchivePath(base, safeDecode(ref));
  return [raw, decoded].filter((p): p is string => !!p);
}

/**
 * Rewrites the references an exported page makes to course files (`files` keys) into URLs relative to the
 * page's own folder in the archive, percent-encoded per segment, and leaves everything else as it is.
 */
export function rewriteExportedHtml(html: string, mapRef: (value: string) => string | undefined): string {
  const map = (v: string | undefined) => (v ? (mapRef(v) ?? v) : v);
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    parseStyleAttributes: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, href: map(attribs.href)! } : attribs }),
      img: (tagName, attribs) => ({ tagName, attribs: attribs.src ? { ...attribs, src: map(attribs.src)! } : attribs }),
    },
  });
}

/** Plain text as HTML paragraphs (discussion topics of texttype text/plain). */
export function plainTextToHtml(s: string): string {
  return s
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
