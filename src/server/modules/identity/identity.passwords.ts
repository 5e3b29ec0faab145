import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

/**
 * argon2id with OWASP's second recommended setting (19 MiB, t=2, p=1): strong enough for passwords, cheap
 * enough that a roster of a thousand students hashes in seconds on two cores.
 */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when a username is unknown so timing says nothing. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(generatePassword());
  return decoy;
}

// No 0/O, 1/l/I: initial passwords are read off paper by children and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password (12 characters from a 55-letter alphabet ≈ 69 bits). */
export function generatePassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
