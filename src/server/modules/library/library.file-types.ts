import { fileTypeFromBuffer } from 'file-type';

/**
 * What a file is, decided from its content (magic bytes, `file-type`), never from its name: a program
 * renamed `lesson.pdf` is still a program and is refused.
 */

/** Media types a resource may carry. */
export const ALLOWED_MEDIA_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/epub+zip',
  'application/zip',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/ogg',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'audio/aac',
  'audio/flac',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/ogg',
  'text/plain',
]);

/** Executables and scripts, named in the error so a teacher understands why a "PDF" was refused. */
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-executable',
  'application/x-sharedlib',
  'application/x-msi',
  'application/x-ms-installer',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/java-archive',
  'application/wasm',
  'application/x-sh',
  'application/x-shellscript',
]);

/** Media types a browser may show inline (preview); everything else downloads as an attachment. */
export function isPreviewable(mediaType: string): boolean {
  return mediaType === 'application/pdf' || (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml');
}

export type Sniffed =
  { ok: true; mediaType: string; ext: string } | { ok: false; reason: 'executable' | 'not_allowed'; detected: string | null };

/**
 * Classify the first bytes of a file (64 KiB is plenty: Office formats are recognised from their first
 * ZIP entries). Undetected content that is valid UTF-8 without control bytes is plain text, unless it
 * starts like a script (`#!`), which is refused as an executable.
 *
 * @example (await sniff(Buffer.from('%PDF-1.7…'))).mediaType // 'application/pdf'
 */
export async function sniff(head: Uint8Array): Promise<Sniffed> {
  const type = await fileTypeFromBuffer(head);
  if (type) {
    if (EXECUTABLE_TYPES.has(type.mime) || ['exe', 'elf', 'macho', 'msi', 'apk', 'dmg', 'jar', 'wasm', 'dll'].includes(type.ext)) {
      return { ok: false, reason: 'executable', detected: type.mime };
    }
    if (!ALLOWED_MEDIA_TYPES.has(type.mime)) return { ok: false, reason: 'not_allowed', detected: type.mime };
    return { ok: true, mediaType: type.mime, ext: type.ext };
  }
  const buf = Buffer.from(head);
  if (buf.subarray(0, 2).toString('latin1') === '#!' || buf.subarray(0, 2).toString('latin1') === 'MZ') {
    return { ok: false, reason: 'executable', detected: null };
  }
  if (looksLikeText(buf)) return { ok: true, mediaType: 'text/plain', ext: 'txt' };
  return { ok: false, reason: 'not_allowed', detected: null };
}

function looksLikeText(buf: Buffer): boolean {
  if (buf.length === 0) return false;
  // A sample may end inside a multi-byte character: drop up to three trailing bytes before decoding.
  for (let cut = 0; cut <= Math.min(3, buf.length - 1); cut++) {
    const part = buf.subarray(0, buf.length - cut);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(part);
      // Control characters other than tab, new lines, form feed and escape mean binary.
      // eslint-disable-next-line no-control-regex
      return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text);
    } catch {
      /* try a shorter sample */
    }
  }
  return false;
}
