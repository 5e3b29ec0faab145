/**
 * Generates the labelled de-identification corpus: `bench/deid/corpus.jsonl`, one JSON object a line,
 * `{"id","text","entities":[{type,start,end}]}`, offsets in UTF-16 code units. Deterministic (seeded PRNG).
 *
 * Annotation guideline (what a PERSON is): full names of students, parents, teachers and other private
 * individuals; a surname used with an honorific (陳老師, Mr Chan, Sra. Lopes) — it identifies a person in a
 * class. Not annotated: historical and public figures (李白, 鲁迅), place names that look like names
 * (Wong Tai Sin), dates that are not birth dates, ISBNs, order numbers, scores, rooms and times.
 *
 * Run: `node --import tsx bench/deid/generate-corpus.ts [count] [seed]`
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/cn2t';
import * as P from './corpus-pools.ts';

export interface GoldEntity {
  type: string;
  start: number;
  end: number;
}
export interface CorpusDoc {
  id: string;
  text: string;
  entities: GoldEntity[];
}

/** mulberry32: tiny, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toHk = Converter({ from: 'cn', to: 'hk' });

class Doc {
  text = '';
  entities: GoldEntity[] = [];
  add(s: string): this {
    this.text += s;
    return this;
  }
  ent(type: string, value: string): this {
    this.entities.push({ type, start: this.text.length, end: this.text.length + value.length });
    this.text += value;
    return this;
  }
}

/** Everything random goes through one generator object, so a seed fixes the whole corpus. */
class Gen {
  constructor(readonly r: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T;
  pick(xs: string): string;
  pick<T>(xs: readonly T[] | string): T | string {
    return xs[Math.floor(this.r() * xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  pad(n: number, w = 2): string {
    return String(n).padStart(w, '0');
  }

  // ---- people
  zhName(): string {
    const surname = this.chance(0.04) ? this.pick(P.CN_COMPOUND) : this.pick(P.CN_SURNAMES);
    const given = this.chance(0.3) ? this.pick(P.CN_GIVEN) : this.pick(P.CN_GIVEN) + this.pick(P.CN_GIVEN);
    return surname + given;
  }
  hkZhName(): string {
    return toHk(this.pick(P.CN_SURNAMES.slice(0, 80))) + this.pick(P.HK_GIVEN_ZH);
  }
  hkLatinName(): string {
    const s = this.pick(P.HK_SURNAMES_LATIN);
    const a = this.pick(P.HK_SYLLABLES);
    const b = this.pick(P.HK_SYLLABLES);
    switch (this.int(0, 6)) {
      case 0:
        return `${s} ${a} ${b}`;
      case 1:
        return `${s.toUpperCase()} ${a} ${b}`;
      case 2:
        return `${s} ${a}-${b.toLowerCase()}`;
      case 3:
        return `${s.toUpperCase()} ${a}-${b.toLowerCase()}`;
      case 4:
        return `${this.pick(P.EN_GIVEN)} ${s} ${a}-${b.toLowerCase()}`;
      case 5:
        return `${this.pick(P.EN_GIVEN)} ${s}`;
      default:
        return `${s.toUpperCase()}, ${a} ${b}`;
    }
  }
  enName(): string {
    return `${this.pick(P.EN_GIVEN)} ${this.pick(P.EN_SURNAMES)}`;
  }
  ptName(): string {
    return this.chance(0.5)
      ? `${this.pick(P.PT_GIVEN)} ${this.pick(P.PT_SURNAMES)}`
      : `${this.pick(P.PT_GIVEN)} ${this.pick(P.PT_SURNAMES)} ${this.pick(['Rosário', 'Xavier', 'Lopes', 'Gomes'])}`;
  }

  // ---- identifiers (check digits computed here, independently of the detector's validators)
  residentId(valid = true, region?: string): string {
    const area = region ?? this.pick(['440106', '440304', '440604', '440402', '420102', '420111', '810000', '820000']);
    const body = area + String(this.int(1975, 2016)) + this.pad(this.int(1, 12)) + this.pad(this.int(1, 28)) + this.digits(3);
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
    let check = '10X98765432'[sum % 11];
    if (!valid) check = check === '0' ? '1' : '0';
    return body + check;
  }
  hkid(): string {
    const letters = this.chance(0.85) ? this.pick('ABCDEGHKMPRVYZ') : this.pick('ABCDEGHKMPRVYZ') + this.pick('ABCDEGHKMPRVYZ');
    const digits = this.digits(6);
    const padded = letters.length === 1 ? ' ' + letters : letters;
    const val = (c: string) => (c === ' ' ? 36 : c >= 'A' ? c.charCodeAt(0) - 55 : Number(c));
    const sum = [...(padded + digits)].reduce((acc, c, i) => acc + val(c) * (9 - i), 0);
    const r = (11 - (sum % 11)) % 11;
    const check = r === 10 ? 'A' : String(r);
    return this.chance(0.75) ? `${letters}${digits}(${check})` : `${letters}${digits}${check}`;
  }
  moId(): string {
    return `${this.pick('157')}${this.digits(6)}(${this.digits(1)})`;
  }
  hmtPermit(): string {
    return `${this.pick('HM')}${this.digits(8)}${this.chance(0.5) ? this.pad(this.int(0, 12)) : ''}`;
  }
  passport(): string {
    return this.pick([`E${this.digits(8)}`, `E${this.pick('ABCDEFGH')}${this.digits(7)}`, `K${this.digits(8)}`, `MA${this.digits(7)}`]);
  }
  studentId(): string {
    return this.chance(0.7)
      ? `G${this.residentId(true, this.pick(['440106', '440304', '420102']))}`
      : `L${this.digits(17)}${this.pick('0123456789X')}`;
  }
  bankCard(): string {
    const len = this.pick([16, 16, 19]);
    const prefix = this.pick(['622202', '622848', '621700', '625807', '4563', '5187']);
    let body = prefix + this.digits(len - prefix.length - 1);
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    body += String((10 - (sum % 10)) % 10);
    return this.chance(0.5) ? body.replace(/(\d{4})(?=\d)/g, '$1 ') : body;
  }
  cnMobile(): string {
    const n = this.pick(['138', '139', '135', '186', '158', '177', '199', '150']) + this.digits(8);
    return this.pick([
      n,
      `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
      `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
      `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
      `+86${n}`,
    ]);
  }
  hkPhone(): string {
    const n = this.pick(['9', '6', '5', '2', '3']) + this.digits(7);
    return this.pick([
      `+852 ${n.slice(0, 4)} ${n.slice(4)}`,
      `${n.slice(0, 4)} ${n.slice(4)}`,
      n,
      `(852) ${n.slice(0, 4)} ${n.slice(4)}`,
      `+852-${n}`,
    ]);
  }
  moPhone(): string {
    const n = this.pick(['66', '62', '63', '65', '68', '28']) + this.digits(6);
    return this.pick([`+853 ${n.slice(0, 4)} ${n.slice(4)}`, `${n.slice(0, 4)} ${n.slice(4)}`, `(853) ${n}`]);
  }
  landline(): string {
    return this.pick([
      `020-${this.int(3, 8)}${this.digits(7)}`,
      `(020) ${this.int(3, 8)}${this.digits(3)} ${this.digits(4)}`,
      `0755-${this.int(2, 8)}${this.digits(7)}`,
      `027-${this.int(5, 8)}${this.digits(7)}`,
    ]);
  }
  email(name: string): string {
    const local =
      name
        .normalize('NFD')
        .replace(/[^A-Za-z]+/g, '.')
        .replace(/^\.|\.$/g, '')
        .toLowerCase() || `user${this.digits(4)}`;
    return `${local}${this.chance(0.4) ? this.digits(2) : ''}@${this.pick(P.EMAIL_DOMAINS)}`;
  }
  pinyinish(): string {
    return this.pick(['wangxm', 'li.hua', 'chenjy', 'zhang_wei', 'huangzx', 'liuyang', 'zhoujm', 'guo.ting']) + this.digits(this.int(0, 4));
  }
  ip(): string {
    return this.chance(0.85)
      ? `${this.pick(['113', '183', '203', '61', '220', '10', '192'])}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`
      : `2001:db8:${this.int(1, 9999).toString(16)}::${this.int(1, 65535).toString(16)}`;
  }

  // ---- dates
  birthDate(style: 'zh' | 'en' | 'pt' | 'iso'): string {
    const y = this.int(2005, 2016);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    if (style === 'zh')
      return this.pick([
        `${y}年${m}月${d}日`,
        `${y}-${this.pad(m)}-${this.pad(d)}`,
        `${y}/${m}/${d}`,
        `${y}.${this.pad(m)}.${this.pad(d)}`,
      ]);
    if (style === 'en')
      return this.pick([
        `${this.pad(d)}/${this.pad(m)}/${y}`,
        `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`,
        `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}, ${y}`,
      ]);
    if (style === 'pt')
      return `${d} de ${['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'][m - 1]} de ${y}`;
    return `${y}-${this.pad(m)}-${this.pad(d)}`;
  }
  harmlessDate(): string {
    const y = this.int(2023, 2026);
    return this.pick([
      `${y}年${this.int(1, 12)}月${this.int(1, 28)}日`,
      `${y}-${this.pad(this.int(1, 12))}-${this.pad(this.int(1, 28))}`,
      `${this.pad(this.int(1, 28))}/${this.pad(this.int(1, 12))}/${y}`,
      `${this.int(1, 12)}月${this.int(1, 28)}日`,
    ]);
  }

  // ---- addresses
  cnAddress(): string {
    const [prov, city, districts] = this.pick(P.CN_PLACES);
    const base = `${this.chance(0.6) ? prov : ''}${city}${this.pick(districts)}${this.pick(P.CN_ROADS)}${this.int(1, 999)}号`;
    return this.pick([
      base,
      `${base}${this.pick(P.CN_BUILDINGS)}${this.int(1, 30)}栋${this.int(1, 32)}0${this.int(1, 8)}室`,
      `${base}${this.int(1, 12)}栋${this.int(1, 4)}单元${this.int(1, 30)}0${this.int(1, 6)}室`,
    ]);
  }
  hkAddressZh(): string {
    const [region, roads] = this.pick(P.HK_ADDR_ZH);
    return `${this.chance(0.7) ? region : ''}${this.pick(roads)}${this.int(1, 400)}號${this.chance(0.6) ? this.pick(P.HK_BUILDINGS_ZH) : ''}${this.int(1, 30)}樓${this.pick('ABCDEFGH')}室`;
  }
  hkAddressEn(): string {
    const [road, district, region] = this.pick(P.HK_ROADS_EN);
    const flat = this.chance(0.7) ? `Flat ${this.pick(['A', 'B', 'C', String(this.int(1, 12))])}, ${this.int(1, 40)}/F, ` : '';
    const block = this.chance(0.4) ? `Block ${this.pick('ABCDE')}, ` : '';
    const building = this.chance(0.5) ? `${this.pick(P.HK_BUILDINGS_EN)}, ` : '';
    return `${flat}${block}${building}${this.int(1, 500)} ${road}, ${district}, ${region}`;
  }
  moAddressZh(): string {
    return `${this.pick(P.MO_ADDR_ZH)}${this.int(1, 300)}號${this.pick(P.MO_BUILDINGS_ZH)}${this.int(1, 30)}樓${this.pick('ABCDEFG')}座`;
  }
  moAddressPt(): string {
    return `${this.pick(P.MO_ADDR_PT)}, n.º ${this.int(1, 300)}${this.chance(0.5) ? `, ${this.pick(P.MO_BUILDINGS_PT)}` : ''}, ${this.int(1, 25)}.º andar ${this.pick('ABCDEF')}, Macau`;
  }

  // ---- hard negatives
  isbn(): string {
    return this.pick([
      `978-7-${this.int(100, 999)}-${this.digits(5)}-${this.int(0, 9)}`,
      `978-962-${this.digits(2)}-${this.digits(4)}-${this.int(0, 9)}`,
      `ISBN 978${this.digits(10)}`,
    ]);
  }
  trapSentence(): string {
    return this.pick([
      `本周末请复习第${this.int(1, 12)}单元，完成练习册第${this.int(10, 120)}页。`,
      `请学生陈述实验方向，并说明周期现象；${this.pick(P.ZH_TRAPS)}一词要会解释。`,
      `课堂上我们朗读了${this.pick(['李白', '杜甫', '王维', '苏轼'])}的诗，讨论了文明的起源。`,
      `高一(${this.int(1, 12)})班在${this.int(1, 5)}0${this.int(1, 9)}室上课，时间 ${this.int(8, 16)}:${this.pick(['00', '15', '30', '45'])}-${this.int(8, 16)}:${this.pick(['10', '40', '55'])}。`,
      `測驗平均分 ${this.int(55, 95)}.${this.int(0, 9)} 分，最高 ${this.int(90, 100)}/100。`,
      `訂單號 ${this.int(2023, 2025)}${this.digits(12)}，參考書 ${this.isbn()}。`,
      `Field trip to ${this.pick(P.HK_PLACE_TRAPS)} on ${this.harmlessDate()}; meet in Room ${this.int(100, 599)} at ${this.int(8, 11)}:30.`,
      `黄金分割约为 0.618，白色光由七种色光组成，于是我们马上做实验。`,
      `Python ${this.int(3, 3)}.${this.int(8, 12)}.${this.int(0, 9)} is installed in Lab ${this.int(1, 4)}; version 2.${this.int(0, 9)}.${this.int(0, 9)}.${this.int(0, 9)} is old.`,
      `期末考试定于${this.harmlessDate()}，满分 150 分，及格 90 分。`,
    ]);
  }
}

type Builder = (g: Gen, d: Doc) => void;

const teacherCommentZh: Builder = (g, d) => {
  const name = g.zhName();
  d.ent('PERSON', name).add(g.pick(['同学本学期', '同学在本学期', '，本学期']));
  d.add(g.pick(['学习态度认真，数学成绩从 72 分提高到 89 分。', '积极参加人工智能社团，获校级二等奖。', '课堂发言积极，但作业有时拖延。']));
  if (g.chance(0.5)) d.add(g.trapSentence());
  if (g.chance(0.6)) {
    d.add('如有疑问请联系班主任');
    d.ent('PERSON', g.zhName()).add(g.pick(['老师，电话', '（手机：', '，联系电话 ']));
    d.ent('PHONE', g.cnMobile()).add(g.pick(['。', '）。', '']));
  }
  if (g.chance(0.3)) d.add(`学籍号：`).ent('STUDENT_ID', g.studentId()).add('。');
  if (g.chance(0.3)) d.add('家长').ent('PERSON', g.zhName()).add('反馈孩子在家表现良好。');
};

const teacherCommentHk: Builder = (g, d) => {
  const name = g.hkZhName();
  d.ent('PERSON', name).add(g.pick(['同學今個學期', '同學本學期', '本學期']));
  d.add(g.pick(['表現進步，英文默書由 60 分升至 85 分。', '積極參與 STEM 活動，協助同學完成機械人專題。', '上課專注，惟功課間中遲交。']));
  if (g.chance(0.4)) d.add(toHk(g.trapSentence()));
  if (g.chance(0.6))
    d.add('家長')
      .ent('PERSON', g.hkZhName())
      .add(g.pick(['女士', '先生', '']))
      .add('聯絡電話：')
      .ent('PHONE', g.hkPhone())
      .add('。');
  if (g.chance(0.3)) d.add('學生身份證號碼：').ent('HK_ID', g.hkid()).add('。');
  if (g.chance(0.3))
    d.add('班主任')
      .ent('PERSON', toHk(g.pick(P.CN_SURNAMES.slice(0, 60))))
      .add('老師');
};

const rosterText: Builder = (g, d) => {
  const zh = g.chance(0.5);
  d.add(zh ? '序号\t姓名\t性别\t出生日期\t学籍号\t家长电话\n' : '學號\t姓名\t性別\t出生日期\t家長電話\n');
  const rows = g.int(3, 8);
  for (let i = 1; i <= rows; i++) {
    d.add(`${i}\t`)
      .ent('PERSON', zh ? g.zhName() : g.hkZhName())
      .add(`\t${g.pick(zh ? ['男', '女'] : ['男', '女'])}\t`);
    d.ent('DATE_OF_BIRTH', g.birthDate(zh ? 'zh' : 'iso')).add('\t');
    if (zh) d.ent('STUDENT_ID', g.studentId()).add('\t');
    d.ent('PHONE', zh ? g.cnMobile() : g.hkPhone()).add('\n');
  }
  d.add(zh ? `共 ${rows} 人，统计日期 ${g.harmlessDate()}。` : `共 ${rows} 人。`);
};

const parentNoticeEn: Builder = (g, d) => {
  d.add('Dear ')
    .add(g.pick(['Mr ', 'Ms ', 'Mrs ']))
    .ent('PERSON', g.pick(P.HK_SURNAMES_LATIN))
    .add(',\n');
  d.add(`Your child `)
    .ent('PERSON', g.chance(0.5) ? g.hkLatinName() : g.enName())
    .add(` (Class ${g.int(1, 6)}${g.pick('ABCD')}) has been selected for the AI Olympiad training on ${g.harmlessDate()}. `);
  if (g.chance(0.5)) d.add('Please confirm the home address: ').ent('ADDRESS', g.hkAddressEn()).add('. ');
  if (g.chance(0.4)) d.add('Date of birth: ').ent('DATE_OF_BIRTH', g.birthDate('en')).add('. ');
  d.add(`The fee is HK$${g.int(100, 900)}. Reply to `);
  const teacher = g.enName();
  d.ent('EMAIL', g.email(teacher)).add(' or call ').ent('PHONE', g.hkPhone()).add('.\nRegards,\n').ent('PERSON', teacher);
};

const contestForm: Builder = (g, d) => {
  const trad = g.chance(0.5);
  const L = (s: string) => (trad ? toHk(s) : s);
  d.add(L('【粤港澳青少年人工智能挑战赛 报名表】\n'));
  d.add(L('参赛者姓名：'))
    .ent('PERSON', trad ? g.hkZhName() : g.zhName())
    .add('\n');
  d.add(L('出生日期：')).ent('DATE_OF_BIRTH', g.birthDate('zh')).add('\n');
  const idKind = g.int(0, 4);
  if (idKind === 0)
    d.add(L('身份证号：'))
      .ent('CN_RESIDENT_ID', g.residentId(g.chance(0.9)))
      .add('\n');
  else if (idKind === 1) d.add(L('证件号码（香港身份证）：')).ent('HK_ID', g.hkid()).add('\n');
  else if (idKind === 2) d.add(L('澳门身份证：')).ent('MO_ID', g.moId()).add('\n');
  else if (idKind === 3) d.add(L('港澳居民来往内地通行证：')).ent('HMT_PERMIT', g.hmtPermit()).add('\n');
  else d.add(L('护照号码：')).ent('PASSPORT', g.passport()).add('\n');
  d.add(L('学校：'))
    .add(g.pick(['广州市第一中学', '深圳实验学校', '香港培正中學', '澳門濠江中學', '武汉外国语学校']))
    .add('\n');
  d.add(L('指导老师：'))
    .ent('PERSON', trad ? g.hkZhName() : g.zhName())
    .add(L('  联系电话：'))
    .ent('PHONE', g.pick([g.cnMobile(), g.hkPhone(), g.moPhone(), g.landline()]))
    .add('\n');
  d.add(L('电子邮箱：'))
    .ent('EMAIL', `${g.pinyinish()}@${g.pick(P.EMAIL_DOMAINS)}`)
    .add('\n');
  d.add(L('通讯地址：'))
    .ent('ADDRESS', trad ? g.pick([g.hkAddressZh(), g.moAddressZh()]) : g.cnAddress())
    .add('\n');
  if (g.chance(0.4)) d.add(L('奖金收款银行卡号：')).ent('BANK_CARD', g.bankCard()).add('\n');
  d.add(L(`作品编号：AI-${g.int(2024, 2026)}-${g.digits(4)}，提交时间 ${g.int(8, 22)}:${g.pad(g.int(0, 59))}。`));
};

const crossBorderEmail: Builder = (g, d) => {
  const mixed = g.chance(0.5);
  const sender = g.hkLatinName();
  d.add('From: ')
    .ent('EMAIL', g.email(sender))
    .add('\nSubject: ')
    .add(mixed ? '交流團 follow-up' : 'Sister-school exchange follow-up')
    .add('\n\n');
  if (mixed) {
    d.add('Hi ')
      .add(g.pick(['Miss ', 'Mr ', 'Ms ']))
      .ent('PERSON', g.pick(P.HK_SURNAMES_LATIN))
      .add('，\n');
    d.add('我哋個 team 嘅 leader 係 ').ent('PERSON', g.hkLatinName()).add('，佢 mobile 係 ').ent('PHONE', g.hkPhone()).add('。');
    d.add('深圳嗰邊嘅老師 ')
      .ent('PERSON', g.zhName())
      .add(' 話 ')
      .add(g.harmlessDate())
      .add(' 可以 video call，room 已經 book 咗 Room ')
      .add(String(g.int(100, 500)))
      .add('。');
    if (g.chance(0.5)) d.add('佢 WeChat 綁咗 ').ent('PHONE', g.cnMobile()).add('。');
    if (g.chance(0.3)) d.add('Server log 見到 login IP ').ent('IP_ADDRESS', g.ip()).add('，應該冇問題。');
    if (g.chance(0.3)) d.add('回鄉證號碼 ').ent('HMT_PERMIT', g.hmtPermit()).add(' 已經 update。');
    d.add('\nThx!\n').ent('PERSON', sender);
  } else {
    d.add('Dear ').ent('PERSON', g.enName()).add(',\n\nThank you for hosting our delegation. Our coordinator ').ent('PERSON', g.ptName());
    d.add(' (')
      .ent('PHONE', g.moPhone())
      .add(') will travel with ')
      .add(String(g.int(10, 30)))
      .add(' students. ');
    if (g.chance(0.4)) d.add('Her passport number is ').ent('PASSPORT', g.passport()).add('. ');
    if (g.chance(0.4)) d.add('Accommodation: ').ent('ADDRESS', g.moAddressPt()).add('. ');
    if (g.chance(0.3)) d.add('The registration server is at ').ent('IP_ADDRESS', g.ip()).add('. ');
    d.add(`Please see pages ${g.int(3, 20)}-${g.int(21, 40)} of the handbook (${g.isbn()}).\n\nBest regards,\n`).ent('PERSON', sender);
  }
};

const macaoNotice: Builder = (g, d) => {
  if (g.chance(0.5)) {
    d.add('Aviso aos encarregados de educação\nO aluno ')
      .ent('PERSON', g.ptName())
      .add(', nascido em ')
      .ent('DATE_OF_BIRTH', g.birthDate('pt'))
      .add(', participará na visita de estudo. ');
    d.add('Morada: ')
      .ent('ADDRESS', g.moAddressPt())
      .add('. Telemóvel: ')
      .ent('PHONE', g.moPhone())
      .add('. Contacto: Sra. ')
      .ent('PERSON', g.pick(['Lopes', 'Xavier', 'Noronha', 'Gomes']))
      .add('.');
  } else {
    d.add('致家長：').ent('PERSON', g.hkZhName()).add('同學將參加大灣區交流活動。學生地址：').ent('ADDRESS', g.moAddressZh()).add('。');
    d.add('家長電話：').ent('PHONE', g.moPhone()).add('，澳門居民身份證：').ent('MO_ID', g.moId()).add('。');
    if (g.chance(0.5)) d.add('出生日期：').ent('DATE_OF_BIRTH', g.birthDate('zh')).add('。');
    d.add(`集合時間：${g.harmlessDate()} 上午 8:30。`);
  }
};

const mainlandNotice: Builder = (g, d) => {
  d.add('家长通知\n');
  d.ent('PERSON', g.zhName()).add('家长您好：').add(g.trapSentence());
  d.add('请核对孩子信息：身份证号 ')
    .ent('CN_RESIDENT_ID', g.residentId(g.chance(0.9)))
    .add('，');
  d.add('家庭住址 ').ent('ADDRESS', g.cnAddress()).add('。');
  if (g.chance(0.4)) d.add('生日 ').ent('DATE_OF_BIRTH', g.birthDate('zh')).add('。');
  if (g.chance(0.4)) d.add('学费退款将转入银行卡 ').ent('BANK_CARD', g.bankCard()).add('。');
  if (g.chance(0.3)) d.add('如有疑问请致电 ').ent('PHONE', g.landline()).add('。');
  d.add(`\n${g.pick(['德育处', '教务处', '年级组'])} ${g.harmlessDate()}`);
};

const lessonPlan: Builder = (g, d) => {
  const zh = g.chance(0.6);
  if (zh) {
    d.add(
      `《人工智能初步》第${g.int(1, 12)}课 教学设计\n课时：${g.int(1, 3)} 课时（${g.int(40, 45)} 分钟/课时），授课日期 ${g.harmlessDate()}\n`,
    );
    d.add(`教材：${g.isbn()}，第 ${g.int(10, 90)}-${g.int(91, 180)} 页。\n`);
    for (let i = 0; i < g.int(2, 5); i++) d.add(g.trapSentence());
    d.add(
      `\n评价：正确率 ${g.int(60, 98)}%，小组得分 ${g.int(60, 100)}/${g.pick([100, 120, 150])}。实验数据 3.14、2.718、${g.int(1, 9)}.${g.digits(3)}。`,
    );
  } else {
    d.add(
      `Lesson plan: Machine Learning basics, Unit ${g.int(1, 9)}\nDate: ${g.harmlessDate()}  Room ${g.int(100, 599)}  Period ${g.int(1, 8)} (${g.int(8, 15)}:${g.pick(['00', '30'])})\n`,
    );
    d.add(`Textbook ${g.isbn()}, pp. ${g.int(10, 60)}–${g.int(61, 120)}. Quiz average ${g.int(50, 95)}%. `);
    for (let i = 0; i < g.int(1, 3); i++) d.add(g.trapSentence());
    d.add(` Dataset rows: ${g.int(1000, 99999)}; accuracy 0.${g.digits(3)}; seed ${g.digits(4)}.`);
  }
};

const BUILDERS: Array<[string, Builder, number]> = [
  ['teacher-comment-zh', teacherCommentZh, 16],
  ['teacher-comment-hk', teacherCommentHk, 14],
  ['roster', rosterText, 8],
  ['parent-notice-en', parentNoticeEn, 12],
  ['contest-form', contestForm, 14],
  ['email', crossBorderEmail, 14],
  ['macao-notice', macaoNotice, 10],
  ['mainland-notice', mainlandNotice, 10],
  ['lesson-plan', lessonPlan, 16],
];

/** Builds `count` documents from `seed`; same inputs, same corpus. */
export function generateCorpus(count = 1200, seed = 20250618): CorpusDoc[] {
  const g = new Gen(prng(seed));
  const total = BUILDERS.reduce((s, [, , w]) => s + w, 0);
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < count; i++) {
    let x = g.r() * total;
    const [kind, build] = BUILDERS.find(([, , w]) => (x -= w) < 0) ?? BUILDERS[0];
    const d = new Doc();
    build(g, d);
    docs.push({ id: `${kind}-${String(i).padStart(4, '0')}`, text: d.text, entities: d.entities });
  }
  return docs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? 1200);
  const seed = Number(process.argv[3] ?? 20250618);
  const docs = generateCorpus(count, seed);
  const out = fileURLToPath(new URL('./corpus.jsonl', import.meta.url));
  writeFileSync(out, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const entities = docs.reduce((s, d) => s + d.entities.length, 0);
  console.log(`wrote ${docs.length} documents, ${entities} entities to ${out}`);
}
