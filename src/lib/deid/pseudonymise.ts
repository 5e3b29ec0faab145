/**
 * Keyed pseudonyms: HMAC-SHA-256 over the normalised value, with one secret per sharing agreement.
 * The same person gets the same pseudonym in every file shared under that agreement (so records can be
 * linked by the recipient) and a different one under another agreement (so two recipients cannot link).
 * Normalisation makes 陳大文 / 陈大文 / " Chan  Tai-Man " agree.
 */
import { createHmac } from 'node:crypto';
import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

/** Canonical form of a value before hashing: NFKC, simplified Chinese, lower case, no spaces/hyphens. */
export function normaliseForPseudonym(value: string): string {
  let v = value.normalize('NFKC').trim();
  if (/[\u4e00-\u9fff]/.test(v)) {
    toSimplified ??= Converter({ from: 'hk', to: 'cn' });
    v = toSimplified(v);
  }
  return v.toLowerCase().replace(/[\s\-()（）]/g, '');
}

/**
 * @example pseudonymise('PERSON', '陳大文', secret) // 'PERSON_7K3Q9XWZ2M' — same for '陈大文'
 */
export function pseudonymise(type: string, value: string, key: string | Uint8Array, length = 10): string {
  const digest = createHmac('sha256', key)
    .update(`${type}\u0000${normaliseForPseudonym(value)}`)
    .digest();
  return `${type}_${base32(digest).slice(0, length)}`;
}

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789'.slice(0, 32);

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}
