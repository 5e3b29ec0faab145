/** Characters Windows, macOS or an unzipper would choke on or read as a separator. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** One path segment made safe for every file system, Chinese and other Unicode kept as they are. */
export function safeSegment(name: string, fallback: string): string {
  let s = name
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  s = [...s].slice(0, 80).join('');
  if (RESERVED.test(s)) s = `_${s}`;
  if (!s) s = fallback;
  return s;
}

/** Whether a `files` key can be written into the archive exactly as it is. */
export function isSafeArchivePath(path: string): boolean {
  const parts = path.split('/');
  return parts.every((p) => p !== '' && p === safeSegment(p, '')) && path.length <= 240;
}

/**
 * Hands out archive paths that are unique ignoring case (two names differing only in case collide on
 * Windows and macOS), adding " (2)", " (3)" before the extension when a name is taken.
 */
export class PathAllocator {
  private readonly taken = new Set<string>();

  reserve(path: string): boolean {
    const key = path.toLowerCase();
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }

  allocate(dir: string, base: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${base}${ext}` : `${base} (${n})${ext}`;
      const path = dir ? `${dir}/${name}` : name;
      if (this.reserve(path)) return path;
    }
  }
}

/** A path relative from one archive folder to an archive path, percent-encoded per segment (an HTML URL). */
export function relativeUrl(fromDir: string, to: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const target = to.split('/');
  let i = 0;
  while (i < from.length && i < target.length - 1 && from[i] === target[i]) i++;
  return [...from.slice(i).map(() => '..'), ...target.slice(i).map(encodeURIComponent)].join('/');
}
