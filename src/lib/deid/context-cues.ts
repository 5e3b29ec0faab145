/**
 * Context words that raise or lower confidence, in 简体, 繁體, English and Portuguese.
 *
 * Why: the same digits are a phone number after "電話" and an order number after "订单号"; the same two
 * characters are a name before "同学" and a district before "区". Cues are looked up in a short window
 * around a candidate, case-insensitively for Latin script.
 */

export interface CueSet {
  /** Words whose presence shortly before the candidate supports it. */
  before?: readonly string[];
  /** Words whose presence right after the candidate supports it. */
  after?: readonly string[];
  /** Words near the candidate that argue against it (an ISBN, an order, a page). */
  against?: readonly string[];
}

export const PERSON_CUES: CueSet = {
  before: [
    '姓名',
    '名字',
    '学生',
    '學生',
    '同学',
    '同學',
    '家长',
    '家長',
    '老师',
    '老師',
    '班主任',
    '校长',
    '校長',
    '联系人',
    '聯絡人',
    '聯繫人',
    '负责人',
    '負責人',
    '报名人',
    '報名人',
    '参赛者',
    '參賽者',
    '选手',
    '選手',
    '指导教师',
    '指導教師',
    '指导老师',
    '指導老師',
    '监护人',
    '監護人',
    '学员',
    '學員',
    '队员',
    '隊員',
    '队长',
    '隊長',
    '收件人',
    '寄件人',
    '致',
    '由',
    '孩子',
    '子女',
    '学生姓名',
    '學生姓名',
    '主任',
    '教师',
    '教師',
    'name',
    'student',
    'parent',
    'teacher',
    'dear',
    'mr',
    'ms',
    'mrs',
    'miss',
    'dr',
    'contact',
    'guardian',
    'pupil',
    'nome',
    'aluno',
    'aluna',
    'encarregado',
    'from:',
    'to:',
    'cc:',
    'regards',
    'sincerely',
    'thanks',
    'captain',
    'coach',
    'principal',
    'signed',
  ],
  after: [
    '同学',
    '同學',
    '老师',
    '老師',
    '先生',
    '女士',
    '小姐',
    '家长',
    '家長',
    '妈妈',
    '媽媽',
    '爸爸',
    '校长',
    '校長',
    '主任',
    '同志',
    '君',
    '表现',
    '表現',
    '获得',
    '獲得',
    '荣获',
    '榮獲',
    '说',
    '說',
    '表示',
    '同学们',
    '的家长',
    '的家長',
    '的妈妈',
    '的媽媽',
    '的爸爸',
    '（',
    '(',
    '，男',
    '，女',
    '、',
  ],
};

/** Cues that a Chinese-looking name is really a place or an organisation. */
export const PLACE_SUFFIXES: readonly string[] = [
  '路',
  '街',
  '道',
  '区',
  '區',
  '市',
  '县',
  '縣',
  '省',
  '镇',
  '鎮',
  '村',
  '乡',
  '鄉',
  '楼',
  '樓',
  '大厦',
  '大廈',
  '号',
  '號',
  '中学',
  '中學',
  '小学',
  '小學',
  '学校',
  '學校',
  '医院',
  '醫院',
  '公司',
  '大学',
  '大學',
  '书院',
  '書院',
  '广场',
  '廣場',
  '花园',
  '花園',
  '公园',
  '公園',
  '山',
  '湖',
  '河',
  '江',
  '港',
  '站',
  '桥',
  '橋',
  '城',
  '邨',
  '苑',
  '社区',
  '社區',
  '堂',
  '馆',
  '館',
  '体育',
  '體育',
  '实验',
  '實驗',
  '出版社',
  '集团',
  '集團',
  '银行',
  '銀行',
  '牌',
  '式',
  '型',
  '性',
  '化',
  '类',
  '類',
  '族',
  '朝',
  '代',
];

export const PHONE_CUES: CueSet = {
  before: [
    '电话',
    '電話',
    '手机',
    '手機',
    '联系',
    '聯絡',
    '聯繫',
    '致电',
    '致電',
    '热线',
    '熱線',
    '手提',
    '微信',
    '传真',
    '傳真',
    'tel',
    'phone',
    'mobile',
    'whatsapp',
    'wechat',
    'call',
    'contact',
    'telemóvel',
    'telefone',
    'fax',
    'sms',
    'cell',
    'text me',
  ],
  against: ['订单', '訂單', 'order', 'isbn', '编号', '編號', '页', '頁', 'page', '分数', '分數', 'score', '金额', '金額', '元', '$'],
};

export const ID_CUES: CueSet = {
  before: [
    '身份证',
    '身份證',
    '证件',
    '證件',
    '居民',
    '身分證',
    'id',
    'identity',
    'hkid',
    'bir',
    '号码',
    '號碼',
    '居住证',
    '居住證',
    'permit',
    'card no',
    '編號',
    '编号',
    'no.',
    'n.º',
  ],
  against: ['订单', '訂單', 'order', 'isbn', 'invoice', '发票', '發票', '快递', '快遞', 'tracking'],
};

export const MO_ID_CUES: CueSet = {
  before: ['澳门身份证', '澳門身份證', '澳門居民身份證', '澳门居民身份证', 'bir', 'macau id', 'macao id', '澳門身份', '身份證', '身份证'],
};

export const PASSPORT_CUES: CueSet = {
  before: ['护照', '護照', 'passport', 'passaporte', '旅行证件', '旅行證件'],
};

export const HMT_PERMIT_CUES: CueSet = {
  before: ['回乡证', '回鄉證', '通行证', '通行證', '来往内地', '來往內地', 'home return', 'permit', '回乡卡', '回鄉卡'],
};

export const STUDENT_ID_CUES: CueSet = {
  before: [
    '学籍号',
    '學籍號',
    '学号',
    '學號',
    '学生编号',
    '學生編號',
    '学籍',
    '學籍',
    'student id',
    'student no',
    'student number',
    'sid',
    '考号',
    '考號',
    '准考证',
    '准考證',
    'nº de aluno',
    'número de aluno',
  ],
};

export const BANK_CUES: CueSet = {
  before: [
    '银行卡',
    '銀行卡',
    '卡号',
    '卡號',
    '账号',
    '賬號',
    '帳號',
    '账户',
    '賬戶',
    '帳戶',
    '开户',
    '開戶',
    '银行',
    '銀行',
    'card',
    'account',
    'bank',
    'iban',
    'unionpay',
    '银联',
    '銀聯',
    'visa',
    'mastercard',
    '转账',
    '轉賬',
    'conta',
  ],
  against: ['订单', '訂單', 'order', 'isbn', '快递', '快遞', 'tracking', '编号', '編號', '流水号', '流水號'],
};

export const DOB_CUES: CueSet = {
  before: [
    '出生日期',
    '出生年月',
    '出生於',
    '出生于',
    '出生',
    '生日',
    '出世',
    '生于',
    '生於',
    'dob',
    'd.o.b',
    'date of birth',
    'birth date',
    'birthdate',
    'birthday',
    'born',
    'birth',
    'data de nascimento',
    'data de nasc', // abbreviated on forms: "Data de nasc.: 14 de Fevereiro de 2012"
    'nasc.',
    'nascido',
    'nascida',
    'nascimento',
  ],
};

export const IP_CUES: CueSet = {
  before: ['ip', '地址', 'address', 'login', '登录', '登入', 'host', 'server', '访问', '訪問'],
  against: ['版本', 'version', 'v.', 'ver', '章节', '章節', 'section', '§', '第'],
};

/**
 * The `size` code units before `start`, widened leftwards so the window never starts inside a Latin word
 * (otherwise "Lesson" would leave "son" at the window's edge and look like a cue).
 */
export function sliceBefore(text: string, start: number, size: number): string {
  let from = Math.max(0, start - size);
  while (from > 0 && isLatinLetter(text.charCodeAt(from - 1)) && isLatinLetter(text.charCodeAt(from))) from--;
  return text.slice(from, start);
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xff);
}

/**
 * How strongly `cues` speak for a candidate at [start, end): +boost for a supporting word within
 * `window` code units before (or right after), −penalty for an opposing word nearby, 0 otherwise.
 *
 * @example contextDelta('電話：9123 4567', 3, 12, PHONE_CUES) // > 0
 */
export function contextDelta(
  text: string,
  start: number,
  end: number,
  cues: CueSet,
  opts: { window?: number; boost?: number; penalty?: number } = {},
): number {
  const window = opts.window ?? 16;
  let delta = 0;
  const before = sliceBefore(text, start, window);
  if (cues.before && hasCue(before, cues.before)) {
    delta += opts.boost ?? 0.25;
  } else if (cues.after && startsWithCue(text, end, cues.after)) {
    delta += opts.boost ?? 0.25;
  }
  if (cues.against) {
    const around = before + text.slice(start, Math.min(text.length, end + 4));
    if (hasCue(around, cues.against)) delta -= opts.penalty ?? 0.3;
  }
  return delta;
}

const compiled = new WeakMap<readonly string[], RegExp>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One case-insensitive alternation per cue list; Latin cues must stand as words. */
function cueRegex(cues: readonly string[]): RegExp {
  let re = compiled.get(cues);
  if (!re) {
    const parts = [...cues]
      .sort((a, b) => b.length - a.length)
      .map((c) => {
        const latinStart = /^[a-z]/i.test(c) ? '(?<![a-z])' : '';
        const latinEnd = /[a-z.]$/i.test(c) ? '(?![a-z])' : '';
        return `${latinStart}${escape(c)}${latinEnd}`;
      });
    re = new RegExp(parts.join('|'), 'i');
    compiled.set(cues, re);
  }
  return re;
}

/**
 * True when any cue occurs in the window; Latin cues must stand as words (case-insensitive).
 * (One precompiled alternation: measured faster on 10–16-character windows than a hand-written scan.)
 *
 * @example hasCue('家長：', PERSON_CUES.before ?? []) // true
 */
export function hasCue(window: string, cues: readonly string[]): boolean {
  return cueRegex(cues).test(window);
}

const byFirstUnit = new WeakMap<readonly string[], Map<number, string[]>>();

/** The cues grouped by their first code unit, so a lookup tries only the few that can match. */
function cuesByFirstUnit(cues: readonly string[]): Map<number, string[]> {
  let map = byFirstUnit.get(cues);
  if (!map) {
    map = new Map();
    for (const cue of cues) {
      const list = map.get(cue.charCodeAt(0));
      if (list) list.push(cue);
      else map.set(cue.charCodeAt(0), [cue]);
    }
    byFirstUnit.set(cues, map);
  }
  return map;
}

/**
 * True when `text` continues at `at` with one of `words` — `words.some((w) => text.startsWith(w, at))`, but
 * trying only the words that share the first code unit (lists are grouped once, on first use).
 *
 * @example startsWithAny('陈老师好', 1, ['老师', '先生']) // true
 */
export function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  if (at >= text.length) return words.includes('');
  const candidates = cuesByFirstUnit(words).get(text.charCodeAt(at));
  if (candidates) for (const word of candidates) if (text.startsWith(word, at)) return true;
  return false;
}

/** True when the text right after `end` (skipping spaces) begins with one of the cues. */
export function startsWithCue(text: string, end: number, cues: readonly string[]): boolean {
  let i = end;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return startsWithAny(text, i, cues);
}
