import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { CartridgeError, type CartridgeLimits } from './cartridge.types.ts';
import { checkEntryPath, isJunkPath } from './zip-path.ts';

/** Compressed bytes fed to the inflater at a time: bounds what one step can inflate (~1032× at most). */
const FEED_CHUNK = 16 * 1024;
/** The ratio check waits for this much output, so small, very compressible files (blank XML) pass. */
const RATIO_GRACE_BYTES = 1024 * 1024;

/**
 * Unpacks a zip into memory, refusing it (CartridgeError) when it breaks a limit. The central directory is
 * read first (entry count, names, declared sizes — cheap refusals before any inflating), then the entries are
 * inflated as a stream in small steps, counting the bytes actually produced, so an entry that lies about its
 * size is stopped as soon as it passes a limit rather than after it has filled memory.
 * Directories and macOS junk (`__MACOSX/`, `.DS_Store`) are left out of the result.
 */
export function unzipSafely(zip: Uint8Array, limits: CartridgeLimits): Map<string, Uint8Array> {
  if (zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) throw new CartridgeError('NOT_A_ZIP');
  let entries = 0;
  let declaredTotal = 0;
  try {
    unzipSync(zip, {
      filter(file) {
        entries++;
        if (entries > limits.maxEntries) throw new CartridgeError('TOO_MANY_ENTRIES', `more than ${limits.maxEntries}`);
        checkEntryPath(file.name);
        if (file.originalSize > limits.maxEntryBytes) throw new CartridgeError('ENTRY_TOO_LARGE', file.name);
        declaredTotal += file.originalSize;
        if (declaredTotal > limits.maxTotalBytes) throw new CartridgeError('TOTAL_TOO_LARGE');
        return false;
      },
    });
  } catch (e) {
    if (e instanceof CartridgeError) throw e;
    throw new CartridgeError('NOT_A_ZIP', (e as Error).message);
  }
  if (entries === 0) throw new CartridgeError('EMPTY', 'the zip has no entries');

  const out = new Map<string, Uint8Array>();
  let fed = 0;
  let total = 0;
  let seen = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    seen++;
    if (seen > limits.maxEntries) throw new CartridgeError('TOO_MANY_ENTRIES', `more than ${limits.maxEntries}`);
    // Local headers can name a file differently from the central directory: check them again.
    const path = checkEntryPath(file.name);
    if (file.name.endsWith('/') || !path || isJunkPath(path) || (file.compression !== 0 && file.compression !== 8)) return;
    const startedAt = fed;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) throw err instanceof CartridgeError ? err : new CartridgeError('NOT_A_ZIP', `${path}: ${err.message}`);
      size += data.length;
      total += data.length;
      if (size > limits.maxEntryBytes) throw new CartridgeError('ENTRY_TOO_LARGE', path);
      if (total > limits.maxTotalBytes) throw new CartridgeError('TOTAL_TOO_LARGE');
      if (size > RATIO_GRACE_BYTES && size / Math.max(1, fed - startedAt) > limits.maxCompressionRatio) {
        throw new CartridgeError('TOTAL_TOO_LARGE', `${path} inflates more than ${limits.maxCompressionRatio}×`);
      }
      if (data.length) chunks.push(data);
      if (final && !out.has(path)) out.set(path, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < zip.length; i += FEED_CHUNK) {
      const end = Math.min(zip.length, i + FEED_CHUNK);
      fed = end;
      unzip.push(zip.subarray(i, end), end === zip.length);
    }
  } catch (e) {
    if (e instanceof CartridgeError) throw e;
    throw new CartridgeError('NOT_A_ZIP', (e as Error).message);
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}
