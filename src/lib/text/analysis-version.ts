import data from './vocabulary.json' with { type: 'json' };

/** Bump when a change to the analysis code changes the terms it produces for the same text. */
const CODE_VERSION = 1;

/** FNV-1a, 32 bits: enough to notice that the vocabulary file changed. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The version of what analyse() produces: the code version and a fingerprint of vocabulary.json. The
 * search module stores it with each indexed row and re-indexes rows with another version, because
 * adding a vocabulary entry changes canonical terms (a new variant now maps to its concept).
 *
 * @example ANALYSIS_VERSION // '1-3f9a0c12'
 */
export const ANALYSIS_VERSION = `${CODE_VERSION}-${fingerprint(JSON.stringify(data))}`;
