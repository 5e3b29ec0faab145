import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSha256 } from '../blobs/blob-store.ts';

/**
 * The blobs of a local blob store (`<root>/ab/cd/<sha256>`). Its `tmp/` folder holds uploads in flight and
 * is never part of a backup.
 */
export async function listStoredBlobs(root: string): Promise<{ sha256: string; size: number; path: string }[]> {
  const out: { sha256: string; size: number; path: string }[] = [];
  for (const a of await dirs(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of await dirs(path.join(root, a))) {
      if (!/^[0-9a-f]{2}$/.test(b)) continue;
      for (const name of await dirs(path.join(root, a, b))) {
        if (!isSha256(name) || !name.startsWith(a + b)) continue;
        const file = path.join(root, a, b, name);
        const s = await stat(file);
        if (s.isFile()) out.push({ sha256: name, size: s.size, path: file });
      }
    }
  }
  return out.sort((x, y) => x.sha256.localeCompare(y.sha256));
}

async function dirs(p: string): Promise<string[]> {
  try {
    return await readdir(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
