/**
 * Date-of-birth recogniser. A date is personal only as a birth date: lesson plans are full of dates
 * (开学 2024年9月1日, "due 14/03/2025") that must stay. So a date becomes DATE_OF_BIRTH only when a birth
 * cue (出生日期, 生日, DOB, born, nascimento …) stands shortly before it, or an age/birth word right after.
 */
import { DOB_CUES, hasCue } from './context-cues.ts';
import { clampScore, type Entity, type Recogniser } from './entity.ts';

const EN_MONTHS =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const PT_MONTHS = 'janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro';
const CN_NUM = '[〇零一二三四五六七八九十]';

const DATE_PATTERNS: readonly RegExp[] = [
  // 2009年3月14日, 2009-03-14, 2009/3/14, 2009.03.14, 20090314
  /(?<!\d)(?:19|20)\d{2}(?:年\s?(?:0?[1-9]|1[0-2])\s?月(?:\s?(?:0?[1-9]|[12]\d|3[01])\s?[日号號])?|([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)/g,
  // 14/03/2009, 14-3-2009, 14.03.2009
  /(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?!\d)/g,
  // 14 March 2009, 14th Mar 2009, March 14, 2009
  new RegExp(
    String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:${EN_MONTHS})\.?,?\s+(?:19|20)\d{2}|(?:${EN_MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})\b`,
    'gi',
  ),
  // 14 de março de 2009
  new RegExp(String.raw`\b\d{1,2}\s+de\s+(?:${PT_MONTHS})\s+de\s+(?:19|20)\d{2}\b`, 'gi'),
  // 二〇〇九年三月十四日
  new RegExp(String.raw`${CN_NUM}{4}年${CN_NUM}{1,2}月(?:${CN_NUM}{1,3}[日号號])?`, 'g'),
  // 3月14日 (no year: only with a strong cue, checked below)
  /(?<![\d年])(?:0?[1-9]|1[0-2])\s?月\s?(?:0?[1-9]|[12]\d|3[01])\s?[日号號]/g,
];

const AFTER_CUES = ['出生', '出世', '生', '(dob)', '（出生'];
const CUE_RE = new RegExp(
  [...(DOB_CUES.before ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((c) => (/^[a-z]/i.test(c) ? `(?<![a-z])${c.replace(/\./g, '\\.')}(?![a-z])` : c))
    .join('|'),
  'gi',
);
/** Every cue of DOB_CUES contains one of these (a filter for `applies`: it may say yes wrongly, never no). */
const DOB_HINT = /出生|生日|出世|生[于於]|dob|d\.o\.b|birth|born|nasc/i;
const CELL_SPLIT = /\t|\s*\|\s*|\s{2,}|,\s*/;
const WHOLE_DATE = DATE_PATTERNS.slice(0, -1).map((re) => new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')));

/** A birth cue ends at most 10 characters before `start`, with no digit in between (so only the first date after it counts). */
function cueRightBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 24);
  const window = text.slice(from, start);
  CUE_RE.lastIndex = 0;
  let lastEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(window)) !== null) lastEnd = m.index + m[0].length;
  if (lastEnd < 0) return false;
  const gap = window.slice(lastEnd);
  return gap.length <= 10 && !/\d/.test(gap);
}

/** Windows around birth cues, merged; dates are only looked for there. */
function cueWindows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(text)) !== null) {
    const start = Math.max(0, m.index - 30);
    const end = Math.min(text.length, m.index + m[0].length + 40);
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * Rosters pasted as text: a header cell "出生日期" / "DOB" makes every date in that column a birth date,
 * however far below the header it stands.
 */
function tableColumnDates(text: string, out: Entity[]): void {
  const lines = text.split('\n');
  let offset = 0;
  let column = -1;
  for (const line of lines) {
    const cells = line.split(CELL_SPLIT);
    if (cells.length >= 3) {
      const headerAt = cells.findIndex(
        (c) => c.length <= 16 && hasCue(c, DOB_CUES.before ?? []) && !WHOLE_DATE.some((re) => re.test(c.trim())),
      );
      if (headerAt >= 0) {
        column = headerAt;
      } else if (column >= 0 && column < cells.length) {
        const cell = cells[column].trim();
        if (WHOLE_DATE.some((re) => re.test(cell))) {
          // Locate the cell in the line: the column-th occurrence after the previous cells.
          let at = 0;
          for (let k = 0; k < column; k++) at = line.indexOf(cells[k], at) + cells[k].length;
          const start = offset + line.indexOf(cell, at);
          out.push({ type: 'DATE_OF_BIRTH', start, end: start + cell.length, score: 0.85, detector: 'date-of-birth:table' });
        }
      }
    } else {
      column = -1;
    }
    offset += line.length + 1;
  }
}

/** DATE_OF_BIRTH: any date with a birth cue within 14 code units before it (or 出生 right after). */
export const birthDateRecogniser: Recogniser = {
  name: 'date-of-birth',
  types: ['DATE_OF_BIRTH'],
  // No birth cue, no birth date: one cheap scan for a cue spares the date patterns (and most texts have none).
  applies: (f, text) => (f.digits >= 2 || f.hasHan) && DOB_HINT.test(text),
  find(text) {
    const out: Entity[] = [];
    const windows = cueWindows(text);
    if (windows.length === 0) return out;
    const taken: Array<[number, number]> = [];
    for (const [from, to] of windows) {
      const slice = text.slice(from, to);
      DATE_PATTERNS.forEach((re, index) => {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(slice)) !== null) {
          const start = from + m.index;
          const end = start + m[0].length;
          if (taken.some(([s, e]) => start < e && end > s)) continue;
          const cueBefore = cueRightBefore(text, start);
          const after = text.slice(end, end + 4).toLowerCase();
          const cueAfter = AFTER_CUES.some((c) => after.startsWith(c));
          if (!cueBefore && !cueAfter) continue;
          const yearless = index === DATE_PATTERNS.length - 1;
          taken.push([start, end]);
          out.push({ type: 'DATE_OF_BIRTH', start, end, score: clampScore(yearless ? 0.7 : 0.9), detector: 'date-of-birth' });
        }
      });
    }
    if (text.includes('\t') || text.includes('|') || text.includes('  ')) tableColumnDates(text, out);
    return out;
  },
};
