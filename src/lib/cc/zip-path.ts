import { CartridgeError } from './cartridge.types.ts';

/**
 * The archive path of a zip entry, or PATH_TRAVERSAL when the name could escape the folder it is unpacked
 * into: `..` segments, absolute paths, backslashes (Windows separators, which some unzippers honour) and drive
 * letters are all refused outright rather than "cleaned", since no legitimate exporter writes them.
 *
 * @example checkEntryPath('web_resources/./a.png') // 'web_resources/a.png'
 */
export function checkEntryPath(name: string): string {
  if (
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((s) => s === '..')
  ) {
    throw new CartridgeError('PATH_TRAVERSAL', JSON.stringify(name.slice(0, 200)));
  }
  return name
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** macOS resource forks and Finder files that zips made on a Mac carry; never course content. */
export function isJunkPath(path: string): boolean {
  return (
    path.startsWith('__MACOSX/') || path === '__MACOSX' || path.split('/').pop() === '.DS_Store' || path.split('/').pop() === 'Thumbs.db'
  );
}

/**
 * Resolves a reference found inside the archive (a manifest href, an HTML src) against the folder of the
 * file it appears in. Returns null for anything that leaves the archive root or is not a local path.
 *
 * @example resolveArchivePath('wiki_content', '../web_resources/a%20b.png') // 'web_resources/a b.png'
 */
export function resolveArchivePath(baseDir: string, ref: string): string | null {
  const clean = ref.split(/[?#]/)[0];
  if (!clean || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(clean) || clean.startsWith('//')) return null;
  const parts = clean.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length ? parts.join('/') : null;
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `decodeURIComponent` that leaves malformed escapes as they are. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
