import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared third-party cartridges (read-only), or null when this checkout has none. Tests only. */
export function fixturesDir(): string | null {
  // eslint-disable-next-line no-restricted-properties -- tests only: lets CI point at another fixtures copy
  const dir = process.env.EDUBRIDGE_FIXTURES_DIR ?? path.resolve(REPO_ROOT, '../shared/fixtures/imscc');
  if (existsSync(dir)) return dir;
  console.warn(`\n⚠️  IMS CC fixtures not found at ${dir} — fixture tests SKIPPED (set EDUBRIDGE_FIXTURES_DIR)\n`);
  return null;
}

/**
 * A zip holding one entry of `bytes` zeros. The zeros are deflated as a stream 1 MiB at a time by node:zlib
 * (fflate's pure-JS deflate manages ~12 MB/s on zeros, far too slow for 1 GB) and wrapped into the archive
 * by fflate's streaming `Zip`, so a 1 GB entry costs about 1 MB of memory and a second or two to build.
 * With `declare`, the central directory is patched to claim that size, as a lying zip bomb would.
 */
export async function zerosZip(name: string, bytes: number, declare?: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 1 });
  const raw: Buffer[] = [];
  deflate.on('data', (c: Buffer) => raw.push(c));
  const ended = once(deflate, 'end');
  const block = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!deflate.write(left > block.length ? block : block.subarray(0, left))) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;

  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  // A ready-deflated entry: fflate's Zip accepts any ZipInputFile; the CRC is not what these tests are about.
  const entry: ZipInputFile = { filename: name, compression: 8, size: bytes, crc: 0, terminate: () => {} };
  zip.add(entry);
  entry.ondata!(null, Buffer.concat(raw), true);
  zip.end();
  const out = new Uint8Array(Buffer.concat(parts));
  if (declare !== undefined) {
    // Central directory header "PK\1\2": uncompressed size at offset 24.
    for (let i = out.length - 22; i >= 0; i--) {
      if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 1 && out[i + 3] === 2) {
        new DataView(out.buffer, out.byteOffset).setUint32(i + 24, declare, true);
        break;
      }
    }
  }
  return out;
}
