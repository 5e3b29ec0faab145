/**
 * Names in Latin script: Hong Kong / Macao romanised Chinese names (Chan Tai Man, WONG Siu-ming,
 * Peter Chan Tai-man), English names (Emily Watson) and Macanese Portuguese names (Maria da Silva Rosário,
 * José Lei). Runs of capitalised words are cut out, then each run is read token by token.
 *
 * Romanised place names (Wong Tai Sin, Ho Man Tin, Lai Chi Kok) are the classic false positives; they are
 * masked out first with a gazetteer.
 */
import { PERSON_CUES, hasCue, sliceBefore } from './context-cues.ts';
import { clampScore, type Entity, type Recogniser } from './entity.ts';
import {
  HK_MO_SURNAMES,
  LATIN_GIVEN_NAMES,
  LATIN_NON_NAME_WORDS,
  LATIN_PLACE_NAMES,
  NAME_TITLES,
  PORTUGUESE_GIVEN_NAMES,
  PORTUGUESE_SURNAMES,
} from './name-lexicon.ts';
import { ENGLISH_FIRST_NAMES } from './english-first-names.ts';
import { eng } from 'stopword';

const UPPER = 'A-ZÀ-ÖØ-Þ';
const LOWER = 'a-zß-öø-ÿ';
const WORD = `(?:[${UPPER}][${LOWER}]+(?:['’-][${UPPER}${LOWER}][${LOWER}]*)*|[${UPPER}]{2,}(?:-[${UPPER}${LOWER}]+)?)`;
// Words of one name are joined by single spaces: two spaces or a tab separate form fields and table cells
// ("Nome: Inês Cristina Ho  Data de nascimento").
const RUN = new RegExp(`${WORD}(?: (?:(?:da|de|do|dos|das|van|von|der) )?${WORD}\\.?)*`, 'g');
const PLACE_RE = new RegExp(
  `\\b(?:${[...LATIN_PLACE_NAMES]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![-\\w])`,
  'g',
);
// A Cantonese / Macao romanised syllable (Tai, Man, Siu, Ming, Ka, Chun, Hoi, Sze, Kwok, Ieong …).
const SYLLABLE = /^(?:(?:[bcdfghjklmnpstwyz]|ch|sh|ts|tz|sz|kw|gw|ng|hs)?(?:[aeiouy]{1,3})(?:ng|n|m|k|p|t|h)?|tsz|sz|ng|m)$/i;
// Led by the bracket, not by a look-behind (which would be tried at every position of every text).
const BRACKETED_ROMANISATION = /[（(]([A-Z][a-z]{1,5}(?:[ -][A-Z]?[a-z]{0,5}){1,3})(?=[）)])/g;
const SURNAME_COMMA = /\b([A-Z]{2,8}), ([A-Z][a-z]{1,5}(?:[ -][A-Za-z][a-z]{1,5}){0,2})\b/g;
const STRONG_CUES = [
  '姓名',
  '名字',
  'child',
  'son',
  'daughter',
  'dear',
  'name',
  'student',
  'parent',
  'pupil',
  'guardian',
  'contact',
  'regards',
  'sincerely',
  'thanks',
  'thx',
  'from',
  'nome',
  'aluno',
  'aluna',
  'coach',
  'captain',
  'leader',
];
const PARTICLES = new Set(['da', 'de', 'do', 'dos', 'das', 'e', 'van', 'von', 'der']);

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[^\s.]+/g;

function tokensOf(run: string, offset: number): Token[] {
  const tokens: Token[] = [];
  const re = TOKEN;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run)) !== null) {
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

function isSyllables(token: Token): boolean {
  return token.lower.split('-').every((part) => part.length > 0 && part.length <= 5 && SYLLABLE.test(part));
}

function isGiven(t: Token): boolean {
  return LATIN_GIVEN_NAMES.has(t.lower) || PORTUGUESE_GIVEN_NAMES.has(t.lower);
}

function isSurname(t: Token): boolean {
  return HK_MO_SURNAMES.has(t.lower) || PORTUGUESE_SURNAMES.has(t.lower);
}

function ok(t: Token | undefined): t is Token {
  return t !== undefined && !LATIN_NON_NAME_WORDS.has(t.lower);
}

/**
 * Last resort, after the curated readings and the cue readings found nothing: any English first name
 * (stdlib's list) followed by capitalised words — Tommy Kwok, Sophie Turner, Carolina de Sousa Rosário.
 * Before a romanised Chinese name with more to come (Hazel Vong Yee-cheuk) the surname-first reading wins.
 */
function readEnglishFirstName(tokens: Token[]): { count: number; score: number } | null {
  const [t0, t1, t2] = tokens;
  if (
    !ok(t0) ||
    !CAPITALISED.test(t0.text) ||
    PARTICLES.has(t0.lower) ||
    !ENGLISH_FIRST_NAMES.has(t0.lower) ||
    !ok(t1) ||
    t1.text.length < 2 ||
    // Two common given names in a row are more likely two people than given + surname; a word that is only
    // in the long first-name list (Turner, Hughes, Wood) reads as the surname it usually is.
    (ENGLISH_FIRST_NAMES.has(t1.lower) && LATIN_GIVEN_NAMES.has(t1.lower))
  )
    return null;
  if (HK_MO_SURNAMES.has(t1.lower) && t2 !== undefined) return null;
  let n = 1;
  while (n < tokens.length && n < 4 && ok(tokens[n]) && (PARTICLES.has(tokens[n].lower) ? ok(tokens[n + 1]) : true)) n++;
  while (n > 1 && PARTICLES.has(tokens[n - 1].lower)) n--;
  return n >= 2 ? { count: n, score: isSurname(t1) ? 0.75 : 0.6 } : null;
}

/** Reads the longest name at the start of `tokens`; returns how many tokens and a base score. */
function readName(tokens: Token[], titled: boolean, cued = false): { count: number; score: number } | null {
  const [t0, t1, t2, t3] = tokens;
  if (!t0) return null;
  // After a title a Hong Kong surname that is also an English word is the surname (Mr So, Ms To).
  if (titled && HK_MO_SURNAMES.has(t0.lower) && LATIN_NON_NAME_WORDS.has(t0.lower) && !ok(t1)) return { count: 1, score: 0.8 };
  if (LATIN_NON_NAME_WORDS.has(t0.lower)) return null;
  // Portuguese: Maria da Silva Rosário, José Lei, Ana Sofia Lopes
  if (PORTUGUESE_GIVEN_NAMES.has(t0.lower) && ok(t1)) {
    let n = 1;
    while (n < tokens.length && n < 6 && ok(tokens[n]) && (PARTICLES.has(tokens[n].lower) ? ok(tokens[n + 1]) : true)) n++;
    while (n > 1 && PARTICLES.has(tokens[n - 1].lower)) n--;
    return { count: n, score: 0.75 };
  }
  // Romanised Chinese, surname first: Chan Tai Man, WONG Siu-ming, Chan Tai-man
  if (HK_MO_SURNAMES.has(t0.lower) && ok(t1) && isSyllables(t1) && !isGiven(t1)) {
    if (t1.text.includes('-') || !t2 || !ok(t2) || !isSyllables(t2)) {
      const caps = t0.text === t0.text.toUpperCase() && t0.text.length > 1;
      return { count: 2, score: t1.text.includes('-') || caps ? 0.8 : 0.62 };
    }
    return { count: 3, score: 0.8 };
  }
  // English given name first: Peter Chan Tai-man, Peter Chan, Emily Watson
  if (LATIN_GIVEN_NAMES.has(t0.lower) && ok(t1) && !PARTICLES.has(t1.lower)) {
    if (HK_MO_SURNAMES.has(t1.lower) && ok(t2) && isSyllables(t2) && !isGiven(t2)) {
      if (!t2.text.includes('-') && ok(t3) && isSyllables(t3) && !isGiven(t3)) return { count: 4, score: 0.85 };
      return { count: 3, score: 0.85 };
    }
    return { count: 2, score: isSurname(t1) ? 0.8 : 0.68 };
  }
  if (titled || cued) {
    // Mr Chan, Ms Leong Mei Ieng, Dr Watson; "Dear Marcus Taylor", "Name: Hazel Brown": up to three tokens.
    let n = 0;
    while (n < tokens.length && n < 3 && ok(tokens[n]) && !PARTICLES.has(tokens[n].lower)) n++;
    if (n === 0 || (cued && !titled && n < 2)) return null;
    return { count: n, score: titled ? 0.85 : 0.7 };
  }
  return null;
}

const BLANK = /[ \t]/;
const POSSESSIVE = /['’]s$/;
const PLACE_LOOKAHEAD = 8;
const SPACE = /\s/;

/**
 * Whether the word just before `index` is a title (Mr, Ms, Dr, Sra. …): within the 8 code units before it,
 * ASCII letters, an optional full stop, then only white space — read backwards, without a regex that would
 * be tried at every position of the window.
 */
function precededByTitle(text: string, index: number): boolean {
  const from = Math.max(0, index - 8);
  let i = index;
  while (i > from && SPACE.test(text[i - 1])) i--;
  if (i > from && text.charCodeAt(i - 1) === 46) i--;
  let j = i;
  while (j > from && isAsciiLetter(text.charCodeAt(j - 1))) j--;
  return j < i && NAME_TITLES.has(text.slice(j, i).toLowerCase());
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const GREETING = /(?:^|[^A-Za-z])(?:hi|hello|hey|dear|thanks|thank you|thx|多謝|多谢|唔該|唔该)[,:!，：]?\s*$/i;
const CAPITALISED = /^[A-Z][a-z]{2,}$/;

/**
 * A given name standing alone — "Jayden今日有啲咳", "我係Hazel嘅爸爸", "Hi Grace," — is how Cantonese–English
 * chat refers to a pupil or parent. Known given names only (the project's list plus stdlib's English first
 * names), never a word of the non-name list, and only glued to Chinese or right after a greeting.
 * Returns a score, 0 for "not a name".
 */
function loneGivenName(text: string, start: number, word: string, greetingOnly = false): number {
  if (!CAPITALISED.test(word)) return 0;
  const lower = word.toLowerCase();
  if (LATIN_NON_NAME_WORDS.has(lower) || !(LATIN_GIVEN_NAMES.has(lower) || ENGLISH_FIRST_NAMES.has(lower))) return 0;
  if (GREETING.test(text.slice(Math.max(0, start - 12), start))) return 0.75;
  // Right after the first word of a sentence, an imperative, and before a lower-case word ("Move Kelvin to
  // the front", "Ask Chloe about …"): the object of the verb.
  if (!AMBIGUOUS_GIVEN.has(lower) && LOWER_ANY_AFTER.test(text.slice(start + word.length, start + word.length + 16))) {
    const verb = IMPERATIVE_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    if (verb && sentenceStartAt(text, start - 1 - verb[1].length)) return 0.55;
  }
  // Followed by a phone number in brackets ("PayMe Joanne (6312 8840)", "Kelvin（9123 4567）"): a contact person.
  if (PHONE_IN_BRACKETS_AFTER.test(text.slice(start + word.length, start + word.length + 24))) return 0.6;
  if (greetingOnly) return 0; // the last word of a longer run ("Book Fair") is no lone name
  const end = start + word.length;
  const hanAfter = isHanAt(text, end) || (text[end] === ' ' && isHanAt(text, end + 1));
  const hanBefore = isHanAt(text, start - 1) || (text[start - 1] === ' ' && isHanAt(text, start - 2));
  if (hanAfter || hanBefore) return 0.6;
  // Whose: "Marcus's homework", "I'm Tiffany's mum".
  if (POSSESSIVE_AT.test(text.slice(end, end + 3))) return 0.6;
  // Capitalised inside a sentence, after a lower-case word ("spoke about Chloe yesterday"): a proper noun.
  if (LOWER_WORD_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return 0.55;
  // First word of a sentence, followed by a verb ("Noah kept his notes …", "- Chloe asked …"): a
  // given name acting as the subject, unless the word is also an everyday English word (Will, May, Grace).
  if (sentenceStartAt(text, start) && LOWER_WORD_AFTER.test(text.slice(end, end + 16)) && !AMBIGUOUS_GIVEN.has(lower)) return 0.55;
  // Joined by "and" / "&" to another known given name ("Isabella and Kelvin", "Noah & Mia").
  const next = AND_NAME_AFTER.exec(text.slice(end, end + 24));
  const prev = NAME_AND_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if ((next && isKnownGivenName(next[1])) || (prev && isKnownGivenName(prev[1]))) return 0.55;
  return 0;
}

const POSSESSIVE_AT = /^['’]s(?![A-Za-z])/;
/** A bracketed phone-like number right after the word: eight or more digits, spaces and hyphens, optional '+'. */
const PHONE_IN_BRACKETS_AFTER = /^ ?[(（]\+?\d[\d -]{6,}\d[)）]/;
/** A verb (or an adverb before one) right after the word: "Noah kept", "Chloe has", "Kelvin finally …". */
/** Verbs that start an instruction about a pupil ("Move Kelvin …", "Ask Chloe …"). */
const IMPERATIVE_BEFORE =
  /(?:^|[^A-Za-z])(Move|Ask|Tell|Remind|Let|Help|Invite|Send|Pair|Seat|Put|Give|Thank|Praise|Congratulate|Call|Meet|Encourage|Support|Check|Excuse) $/;
const LOWER_ANY_AFTER = /^ [a-z]{2,}(?![A-Za-z])/;
const LOWER_WORD_AFTER =
  /^ (?:[a-z]{2,}ed|is|was|has|had|can|could|will|would|did|does|should|must|might|kept|got|made|said|told|took|gave|went|came|wrote|ran|won|lost|left|felt|found|brought|bought|thought|seems|needs|wants|likes|loves|says|asks|tries|gets|goes|still|always|never|often|also|really|just|finally|usually|sometimes|suddenly|seldom|rarely|again)(?![A-Za-z])/;

/**
 * Given names that are also everyday English words, so a capitalised one at the start of a sentence says
 * nothing: English stop words (`stopword`) plus common words found in the first-name lists.
 */
const AMBIGUOUS_GIVEN: ReadonlySet<string> = new Set([
  ...eng,
  ...(
    'will may mark hope grace sunny art bill frank june april august read lucky happy faith joy rose ruby amber ' +
    'crystal summer autumn winter spring dawn eve sky star rich rob pat sue don drew chase hunter miles max guy ray ' +
    'lane victor grant earl page carol chance win jack gene holly ivy lily daisy iris violet ginger honey angel ' +
    'baby sugar love glory harmony melody trinity destiny unity liberty justice major king prince duke mercy ' +
    'patience charity precious royal sterling bud buck cliff dale dean dell forest glen heath rod wood ward ' +
    'young price lord noble sharp long short bright golden silver brown green gray grey black white ' +
    'sonny kit lee van del bo hong man yan'
  ).split(' '),
]);

/** Whether `start` begins a sentence or a line: text start, after a line break, or after . ! ? : or a bullet. */
function sentenceStartAt(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0) return true;
  const c = text[i];
  if (c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === '。' || c === '！' || c === '？' || c === '：') return true;
  // A list bullet or number at the start of a line: "- ", "• ", "3) ".
  if (c === '-' || c === '•' || c === '*' || c === ')') {
    let k = i - 1;
    while (k >= 0 && /[0-9 ]/.test(text[k])) k--;
    return k < 0 || text[k] === '\n';
  }
  return false;
}
const LOWER_WORD_BEFORE = /(?:^|[^A-Za-z])[a-z]{2,} $/;
const AND_NAME_AFTER = /^ (?:and|&) ([A-Z][a-z]+)(?![A-Za-z])/;
const NAME_AND_BEFORE = /(?:^|[^A-Za-z])([A-Z][a-z]+) (?:and|&) $/;

function isKnownGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  return !LATIN_NON_NAME_WORDS.has(lower) && (LATIN_GIVEN_NAMES.has(lower) || ENGLISH_FIRST_NAMES.has(lower));
}

function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
}

function blankOut(place: string): string {
  return ' '.repeat(place.length);
}

export const latinNameRecogniser: Recogniser = {
  name: 'person:latin',
  types: ['PERSON'],
  applies: (f) => f.hasUpperLatin,
  find(text) {
    const out: Entity[] = [];
    RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    const masked = text;
    while ((m = RUN.exec(text)) !== null) {
      // A one-word run ("AI", "Python", "Chan") is a name only right after a title ("Mr Chan"): the usual case,
      // a lone capitalised word, is settled here without tokenising.
      // A possessive 's is not part of the name (Marcus's, Ho Ching Yan's): read the run without it.
      const value = POSSESSIVE.test(m[0]) ? m[0].slice(0, -2) : m[0];
      if (!BLANK.test(value) && !precededByTitle(masked, m.index)) {
        const score = loneGivenName(text, m.index, value);
        if (score > 0) out.push({ type: 'PERSON', start: m.index, end: m.index + value.length, score, detector: 'person:latin-given' });
        continue;
      }
      // Hide place names inside the run behind spaces of the same length, so offsets stay right. A place may
      // end in a word the run does not take (the one-letter "O" of Tseung Kwan O): look a little past it.
      const run = value.includes(' ')
        ? text
            .slice(m.index, m.index + value.length + PLACE_LOOKAHEAD)
            .replace(PLACE_RE, blankOut)
            .slice(0, value.length)
        : value;
      const tokens = tokensOf(run, m.index);
      let k = 0;
      while (k < tokens.length) {
        let titled = false;
        const t = tokens[k];
        // Cantonese usage: a surname before "Sir" / "Miss" names a teacher (Wong Sir, Chan Miss): the surname.
        const after = tokens[k + 1];
        if (after && (after.lower === 'sir' || after.lower === 'miss') && HK_MO_SURNAMES.has(t.lower) && t.end + 1 === after.start) {
          out.push({ type: 'PERSON', start: t.start, end: t.end, score: 0.75, detector: 'person:latin-surname-sir' });
          k += 2;
          continue;
        }
        if (NAME_TITLES.has(t.lower.replace(/\.$/, ''))) {
          titled = true;
          k++;
        } else if (k === 0) {
          titled = precededByTitle(masked, m.index);
        }
        const rest = tokens.slice(k);
        let name = readName(rest, titled);
        if (!name && !titled && rest.length >= 2 && hasCue(sliceBefore(text, t.start, 10), STRONG_CUES)) name = readName(rest, false, true);
        if (!name && !titled) name = readEnglishFirstName(rest);
        if (!name) {
          // The last word of a run, alone: "Hi Grace", "Thanks Mr Ho! Lucas 話…".
          const score = rest.length === 1 && !titled ? loneGivenName(text, t.start, t.text, k > 0) : 0;
          if (score > 0) out.push({ type: 'PERSON', start: t.start, end: t.end, score, detector: 'person:latin-given' });
          k++;
          continue;
        }
        let first = rest[0];
        // An English given name before a romanised Chinese one: "Hazel Chan Hei-tai".
        const before1 = tokens[k - 1];
        if (
          before1 &&
          !titled &&
          HK_MO_SURNAMES.has(first.lower) &&
          !LATIN_NON_NAME_WORDS.has(before1.lower) &&
          !NAME_TITLES.has(before1.lower) &&
          !out.some((e) => e.end >= before1.start && e.start <= before1.start)
        ) {
          first = before1;
        }
        const last = rest[name.count - 1];
        let score = name.score;
        if (hasCue(sliceBefore(text, first.start, 14), PERSON_CUES.before ?? [])) score += 0.15;
        // Followed by a place/organisation word: "Chan Shu Kui Memorial School", "Lee Garden".
        const nextToken = tokens[k + name.count];
        if (nextToken && LATIN_NON_NAME_WORDS.has(nextToken.lower) && nextToken.lower !== 'and') score -= 0.4;
        out.push({ type: 'PERSON', start: first.start, end: last.end, score: clampScore(score), detector: 'person:latin' });
        k += name.count;
      }
    }
    // A Chinese name followed by its romanisation in brackets: 梁浩賢（Leong Hou In）, 麥綺琳 (Mak I Lam).
    BRACKETED_ROMANISATION.lastIndex = 0;
    while ((m = BRACKETED_ROMANISATION.exec(text)) !== null) {
      if (!isHanAt(text, m.index - 1) && !(text[m.index - 1] === ' ' && isHanAt(text, m.index - 2))) continue;
      const words = m[1].toLowerCase().split(/[ -]/);
      if (!HK_MO_SURNAMES.has(words[0]) || !words.slice(1).every((w) => w.length <= 5 && SYLLABLE.test(w))) continue;
      const start = m.index + 1;
      out.push({ type: 'PERSON', start, end: start + m[1].length, score: 0.8, detector: 'person:latin-bracketed' });
    }
    // Official Hong Kong order: "CHAN, Tai Man" / "CHOI, Ching-kam".
    SURNAME_COMMA.lastIndex = 0;
    while ((m = SURNAME_COMMA.exec(text)) !== null) {
      if (!HK_MO_SURNAMES.has(m[1].toLowerCase())) continue;
      const given = m[2].split(/[ -]/);
      if (!given.every((g) => SYLLABLE.test(g) && g.length <= 5)) continue;
      out.push({ type: 'PERSON', start: m.index, end: m.index + m[0].length, score: 0.8, detector: 'person:latin-official' });
    }
    return out;
  },
};
