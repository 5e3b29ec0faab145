/**
 * Chinese personal names: surname (single or compound, 简/繁) + one or two given-name characters.
 *
 * Scoring (then context): surname frequency, given-name-like characters, and the dictionary: a span that
 * is a common word (周末, 陈述, 高明, 方向, 黄金 …) or that the surname would otherwise belong to (提高明天 →
 * 提高 | 明天) is pushed well below threshold; public figures in the dictionary (李白, 杜甫) are lowered.
 * A bare surname before an honorific (陈老师, 李先生) is reported too: in a class it identifies a person.
 */
import { PERSON_CUES, PLACE_SUFFIXES, hasCue, startsWithAny, startsWithCue } from './context-cues.ts';
import { AFTER_NAME, COMPOUND_FIRST, GIVEN_NAME, NON_NAME, chineseLexicon, type ChineseLexicon } from './chinese-lexicon.ts';
import { clampScore, type Entity, type Recogniser } from './entity.ts';
import { CN_HONORIFICS } from './name-lexicon.ts';

const HONORIFICS_ALL = [...CN_HONORIFICS, '老師', '校長', '同學', '醫生', '師'];
const STRONG_AFTER = ['同学', '同學', '家长', '家長', '妈妈', '媽媽', '爸爸', '先生', '女士', '老师', '老師'];

function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Finds Chinese names in `text`. */
export const chineseNameRecogniser: Recogniser = {
  name: 'person:zh',
  types: ['PERSON'],
  applies: (f) => f.hasHan,
  find(text) {
    const lex = chineseLexicon();
    const starters = (STARTERS ??= startersOf(lex));
    const out: Entity[] = [];
    let i = 0;
    let nameEnd = -1; // where the last name found ends
    let joinedAt = -1; // where a name joined to the last one by 和/与/及 starts (陈思远和|李佳琪)
    const n = text.length;
    while (i < n) {
      const code = text.charCodeAt(i);
      // Fast path: most characters can start nothing (no surname, no 阿, no conjunction): one lookup in a small
      // table each, so the scan of a long text stays in cache.
      if (starters[code] === 0) {
        i++;
        continue;
      }
      // 和/与/及 right after a name joins it to the next one (陈思远和李佳琪): a conjunction, not the surname 和.
      // Before another surname character it is the preposition too (课后和邝思远聊了 …): the name starts after it.
      if (CONJUNCTIONS.has(code) && (i === nameEnd || lex.surnameWeights[text.charCodeAt(i + 1)] > 0)) {
        if (i === nameEnd) joinedAt = i + 1;
        i++;
        continue;
      }
      if (code === AH) {
        const nick = nickname(text, i, lex);
        if (nick) {
          out.push(nick);
          i = nick.end;
          continue;
        }
      }
      // Right after a number a surname character that is also a unit is the unit (8時正, 第3周, 5期).
      if (i > 0 && UNIT_SURNAMES.has(code) && isNumeral(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      const single = lex.surnameWeights[code];
      // 家长孙国: 长孙 is a compound surname, but 长 belongs to 家长.
      const compound =
        (lex.charFlags[code] & COMPOUND_FIRST) !== 0 &&
        lex.compoundPairs.has(code, text.charCodeAt(i + 1)) &&
        !(i > 0 && lex.commonPairs.has(text.charCodeAt(i - 1), code));
      const surnameWeight = compound ? 1 : single;
      if (surnameWeight === 0) {
        i++;
        continue;
      }
      let found = scoreAt(text, i, compound ? 2 : 1, surnameWeight, lex, i === joinedAt);
      // 於 is the 繁體 form of the preposition 于 (家長於回條簽署, 將於開放日) far more often than a surname:
      // it counts only when the name is closed by an honorific or a name word (於老師, 於樂怡同學) or a cell.
      if (found && code === PREPOSITION_YU && !closedAsName(text, found)) found = null;
      if (found && found.score >= 0.45) {
        out.push(found);
        i = found.end;
        nameEnd = found.end;
      } else {
        if (found && found.score >= 0.2) out.push(found);
        i++;
      }
    }
    return out;
  },
};

/** Whether text[k..k+2) is a common two-character word. Module-level on purpose: no closure per candidate. */
function isPair(lex: ChineseLexicon, text: string, k: number): boolean {
  return lex.commonPairs.has(text.charCodeAt(k), text.charCodeAt(k + 1));
}

/** Whether text[at] is the second character of a two-character word whose first character no word before takes. */
function takenByWordBefore(lex: ChineseLexicon, text: string, at: number): boolean {
  return isHan(text[at - 1]) && isPair(lex, text, at - 1) && !(isHan(text[at - 2]) && isPair(lex, text, at - 2));
}

/** Whether text[start, end) is a common word; two-character spans are answered without a substring. */
function isCommonWord(lex: ChineseLexicon, text: string, start: number, end: number): boolean {
  return end - start === 2 ? isPair(lex, text, start) : lex.commonWords.has(text.slice(start, end));
}

function isDictionaryName(lex: ChineseLexicon, text: string, start: number, end: number): boolean {
  return end - start === 2
    ? lex.dictionaryNamePairs.has(text.charCodeAt(start), text.charCodeAt(start + 1))
    : lex.dictionaryNames.has(text.slice(start, end));
}

const AH = '阿'.charCodeAt(0);
/** 阿 + these is a relative or a stranger (阿姨, 阿伯, 阿Sir), not a child's nickname. */
const KIN_AFTER_AH = new Set([...'姨伯婆公爸媽妈爺爷嫲哥姐弟妹叔嬸婶舅妗嫂媳婆仔女']);

/**
 * Cantonese nicknames: 阿 + one given-name character (阿俊, 阿欣) names one child in a class chat. Not
 * when the pair is a word (阿里, 阿拉), a relative (阿姨, 阿伯), or the character starts a word with the next.
 */
function nickname(text: string, at: number, lex: ChineseLexicon): Entity | null {
  const c = text.charCodeAt(at + 1);
  if (!isHan(text[at + 1]) || (lex.charFlags[c] & GIVEN_NAME) === 0 || KIN_AFTER_AH.has(text[at + 1])) return null;
  if (isPair(lex, text, at) || (isHan(text[at + 2]) && isPair(lex, text, at + 1))) return null;
  if (isHan(text[at - 1]) && isPair(lex, text, at - 1)) return null;
  return { type: 'PERSON', start: at, end: at + 2, score: 0.55, detector: 'person:zh-nickname' };
}

const PREPOSITION_YU = '於'.charCodeAt(0);

/** 1 for every code unit a name scan must stop at: surnames, first characters of 复姓, 阿, the conjunctions. */
let STARTERS: Uint8Array | undefined;

function startersOf(lex: ChineseLexicon): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    if (lex.surnameWeights[c] !== 0 || (lex.charFlags[c] & COMPOUND_FIRST) !== 0) table[c] = 1;
  }
  for (const c of '阿和与與及同跟') table[c.charCodeAt(0)] = 1;
  return table;
}

/** Characters that join two names; 和 and 同 are also surnames. */
const CONJUNCTIONS = new Set([...'和与與及同跟'].map((c) => c.charCodeAt(0)));

/** Surname characters that are also units of time or order after a number. */
const UNIT_SURNAMES = new Set([...'時时周週期年班'].map((c) => c.charCodeAt(0)));
const CHINESE_NUMERALS = new Set([...'〇零一二三四五六七八九十百两兩'].map((c) => c.charCodeAt(0)));

function isNumeral(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || CHINESE_NUMERALS.has(c);
}

function closedAsName(text: string, e: Entity): boolean {
  const next = text[e.end];
  if (next === undefined || next === '\t' || next === '\n') return true;
  return startsWithAny(text, e.end, STRONG_AFTER) || startsWithAny(text, e.end, HONORIFICS_ALL);
}

/** The Han name cues, grouped by their last character (a lookup tries only the few that can end there). */
const HAN_CUES_BY_LAST = new Map<number, string[]>();
for (const cue of PERSON_CUES.before ?? []) {
  if (!isHan(cue[0])) continue;
  const last = cue.charCodeAt(cue.length - 1);
  const list = HAN_CUES_BY_LAST.get(last);
  if (list) list.push(cue);
  else HAN_CUES_BY_LAST.set(last, [cue]);
}

/** Whether a (Han) name cue ends exactly at `at` (家长|孙国). */
function cueEndsAt(text: string, at: number): boolean {
  const list = at > 0 ? HAN_CUES_BY_LAST.get(text.charCodeAt(at - 1)) : undefined;
  if (list) for (const cue of list) if (text.startsWith(cue, at - cue.length)) return true;
  return false;
}

/** Whether the character at `at` is the last one of a name cue of two or more characters (班主|任). */
function completesCue(text: string, at: number): boolean {
  const list = HAN_CUES_BY_LAST.get(text.charCodeAt(at));
  if (list) for (const cue of list) if (cue.length >= 2 && text.startsWith(cue, at + 1 - cue.length)) return true;
  return false;
}

let cueText = '';
let cueStart = -1;
let cueResult = false;

/** Whether a name cue stands in the ten code units before `start`; remembered for the last position asked. */
function cueBefore(text: string, start: number): boolean {
  if (start !== cueStart || text !== cueText) {
    cueText = text;
    cueStart = start;
    cueResult = hasCue(text.slice(Math.max(0, start - 10), start), PERSON_CUES.before ?? []);
  }
  return cueResult;
}

/**
 * Scores a name starting at `start`. `joined`: it follows a name and a conjunction (區凱琳和|霍俊朗), which says
 * "name" as clearly as a cue word does.
 */
function scoreAt(
  text: string,
  start: number,
  surnameLength: number,
  surnameWeight: number,
  lex: ChineseLexicon,
  joined = false,
): Entity | null {
  const j = start + surnameLength;
  const c1 = text[j];
  const prev = text[start - 1];
  if (surnameLength === 1 && isHan(prev)) {
    // The surname character may end a name cue (班主任黄丽娟: 任 is the end of 班主任, 黄 starts the name) …
    if (completesCue(text, start)) return null;
    // … or belong to the word before it (提高 in 提高明天, 天文 in 天文台): then only a cue ending right
    // before it (家长孙国) keeps it a surname — a cue a few words earlier says nothing about this word.
    // Unless the character before already makes a word with its own predecessor (今天|华思琪: 今天 takes 天,
    // so 天华 cannot), as a left-to-right segmentation reads it — and that predecessor is free in turn
    // (学生理解得: 学生 takes 生, so 理解 stands and 解 is no surname). A surname that is also a function
    // character (上課|時|何卓謙: 時 "when") is left alone by this: it stays a word of its own.
    if (
      isPair(lex, text, start - 1) &&
      !cueEndsAt(text, start) &&
      !((lex.charFlags[text.charCodeAt(start)] & NON_NAME) === 0 && takenByWordBefore(lex, text, start - 1))
    ) {
      return null;
    }
  }

  // Surname + honorific: 陈老师, 李先生; Cantonese 陳太 (Mrs Chan) when the name ends there (陳太，…), since
  // 太 before another character is mostly the adverb or a word (王太好了, 李太阳).
  const cantoneseMrs = c1 === '太' && text.charCodeAt(j + 1) !== 0x592a && !isHan(text[j + 1]);
  if (surnameLength === 1 && (cantoneseMrs || startsWithAny(text, j, HONORIFICS_ALL))) {
    if (isPair(lex, text, start) && !cueBefore(text, start)) return null;
    if ('生师師姐哥'.includes(c1) && !cueBefore(text, start)) return null; // 学生, 先生, 老师 … only after a cue
    return { type: 'PERSON', start, end: j, score: clampScore(0.55 + surnameWeight * 0.1), detector: 'person:zh-honorific' };
  }

  const c2 = text[j + 1];
  const c3 = text[j + 2];
  if (!isHan(c1)) return null;
  // 一 is a function character almost everywhere, but also the first character of many given names
  // (一鸣, 一凡, 一诺): it may start one when a given-name character follows.
  if (
    (lex.charFlags[text.charCodeAt(j)] & NON_NAME) !== 0 &&
    !(c1 === '一' && (lex.charFlags[text.charCodeAt(j + 1)] & GIVEN_NAME) !== 0)
  ) {
    return null;
  }

  let length = 2;
  // A third character belongs to the name when it is name-like, or when the name clearly ends after it
  // (punctuation, a tab, or a word that usually follows a name: 同学, 家长, 说 …).
  const c2Code = text.charCodeAt(j + 1);
  const c2Flags = lex.charFlags[c2Code] ?? 0;
  const c2Possible = isHan(c2) && (c2Flags & (NON_NAME | AFTER_NAME)) === 0;
  const endsAfterC2 =
    !isHan(c3) || (lex.charFlags[text.charCodeAt(j + 2)] & AFTER_NAME) !== 0 || (isHan(text[j + 3]) && isPair(lex, text, j + 2));
  // A function character (很, 在, 不, 嘅 …) cannot continue a name either (何卓謙很安靜), a weaker sign: a
  // third character taken only on it costs a little (林蔭道一詞 is a word the dictionary may spell otherwise).
  const endsBeforeFunctionWord = isHan(c3) && (lex.charFlags[text.charCodeAt(j + 2)] & NON_NAME) !== 0;
  const c2NameLike = c2Possible && ((c2Flags & GIVEN_NAME) !== 0 || endsAfterC2 || endsBeforeFunctionWord);
  if (c2NameLike) {
    const c1c2Common = isPair(lex, text, j) && !lex.dictionaryNamePairs.has(text.charCodeAt(j), text.charCodeAt(j + 1));
    const nextIsHonorific = startsWithAny(text, j + 1, HONORIFICS_ALL);
    // A given name that is also a word (建国, 海洋, 浩然, 文静, 一帆) still makes a name when its second
    // character is a given-name character and the context says "name": a cue before, a name-ending word
    // after, or the three characters standing alone between punctuation (…、张海洋、…).
    const givenWordAsName =
      c1c2Common &&
      // After a compound surname (歐陽天佑) the given name need not end in a given-name character: 歐陽, 司徒 …
      // rarely end a word, so what follows them is the given name.
      ((c2Flags & GIVEN_NAME) !== 0 || surnameLength === 2) &&
      (joined || cueBefore(text, start) || startsWithCue(text, j + 2, PERSON_CUES.after ?? []) || (!isHan(prev) && !isHan(c3)));
    if (
      !nextIsHonorific &&
      !(isHan(c3) && isPair(lex, text, j + 1)) &&
      (!c1c2Common || givenWordAsName) &&
      !lex.commonWords.has(text.slice(start, start + surnameLength + 2))
    ) {
      length = 3;
    }
  }
  const end = start + surnameLength + length - 1;

  let score = 0.3 + surnameWeight * 0.15 + (surnameLength === 2 ? 0.15 : 0);
  if ((lex.charFlags[text.charCodeAt(j)] & GIVEN_NAME) !== 0) score += 0.15;
  if (length === 3 && (lex.charFlags[text.charCodeAt(j + 1)] & GIVEN_NAME) !== 0) score += 0.1;
  else if (length === 3 && !endsAfterC2) score -= 0.1;
  // The first two characters of a 3-character name (a 2-character given name after a 复姓): a word?
  const head = surnameLength === 1 ? start : start + 2;
  const headCommon =
    length === 3 && isPair(lex, text, head) && !lex.dictionaryNamePairs.has(text.charCodeAt(head), text.charCodeAt(head + 1));
  if (isCommonWord(lex, text, start, end) || (headCommon && surnameLength === 1)) {
    score -= 0.5;
  } else if (headCommon) {
    // A compound surname (欧阳, 司徒, 歐陽) is rarely the end of a word: a given name that is also a word
    // (天佑, 志明) after it is still most likely a name.
    score -= 0.15;
  } else if (isDictionaryName(lex, text, start, end)) {
    score -= 0.25;
  } else if (length === 2 && lex.commonWords.has(text.slice(start, start + surnameLength + 2))) {
    score -= 0.5; // 邓小 of 邓小平理论: the three characters are one known word
  }
  // The name must end at a boundary: the next characters must not glue into a word with the last one.
  const next = text[end];
  const nextHan = isHan(next);
  if (nextHan && isPair(lex, text, end - 1) && !startsWithAny(text, end, STRONG_AFTER)) score -= 0.25;
  if (nextHan && startsWithAny(text, end, PLACE_SUFFIXES)) score -= 0.5;
  if (!nextHan) score += 0.05;
  if (!isHan(prev)) score += 0.05;
  // Alone in a table cell (rosters pasted as text): very likely a name.
  if ((prev === '\t' || prev === undefined || prev === '\n') && (next === '\t' || next === '\n' || next === undefined)) score += 0.2;
  if (score + 0.3 < 0.2) return null;
  if (cueBefore(text, start) || joined) score += 0.3;
  else if (startsWithCue(text, end, PERSON_CUES.after ?? [])) score += 0.25;
  return { type: 'PERSON', start, end, score: clampScore(score), detector: 'person:zh' };
}
