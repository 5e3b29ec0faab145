/**
 * Postal addresses in mainland, Hong Kong and Macao styles:
 * - Chinese: chains of place components ending in administrative or street suffixes
 *   (广东省广州市天河区天河路123号5栋1203室, 九龍深水埗長沙灣道88號2樓B室, 澳門氹仔孫逸仙大馬路123號海景花園5樓A座);
 * - English (Hong Kong): "Flat 5, 12/F, Block B, 88 Cheung Sha Wan Road, Sham Shui Po, Kowloon";
 * - Portuguese (Macao): "Avenida de Almeida Ribeiro, n.º 123, 5.º andar, Macau".
 * A chain needs a number or at least two components, so "实验楼302室" or "第三教学楼" stay untouched.
 */
import { clampScore, type Entity, type Recogniser } from './entity.ts';
import { LATIN_PLACE_NAMES } from './name-lexicon.ts';

const HAN = '\\u4e00-\\u9fff';
const NUM = '[0-9０-９]{1,5}(?:[-－][0-9]{1,4})?';
const ADMIN = '(?:省|自治区|自治區|特别行政区|特別行政區|市|区|區|县|縣|镇|鎮|乡|鄉|街道|新区|新區|堂區|堂区)';
// 广场/廣場 is also a street in Macao addresses (宋玉生廣場180號).
const STREET = '(?:大马路|大馬路|马路|馬路|大道|大街|广场|廣場|路|街|道|巷|弄|里|圍|围|径|徑|前地|斜巷|圍|坊|胡同)';
const BUILDING =
  '(?:大厦|大廈|花园|花園|园|園|城|都会|都會|公館|公馆|小区|小區|公寓|苑|邨|村|新村|中心|广场|廣場|閣|阁|楼|樓|大樓|大楼|山庄|山莊|家园|家園|名苑|华庭|華庭)';
const UNIT = `(?:第?${NUM}\\s?(?:栋|棟|幢|座|单元|單元|楼|樓|层|層|室|号楼|號樓|/F)|[A-Z]\\s?(?:座|室|栋|棟)|(?:地下|地铺|地舖))`;
const PLACE_START = '(?:中国|中國|香港|九龍|九龙|新界|澳門|澳门|氹仔|路環|路环|[' + HAN + ']{2,4}?(?:省|市))';
/**
 * Hong Kong districts and areas and Macao parishes written before a street or an estate without an
 * administrative suffix (新界沙田馬鞍山錦英苑…, 澳門氹仔柯維納馬路…): known names only, 繁 and 简.
 */
const HK_MO_AREAS = [
  ...'沙田 馬鞍山 马鞍山 大埔 元朗 屯門 屯门 荃灣 荃湾 葵涌 青衣 西貢 西贡 將軍澳 将军澳 天水圍 天水围 東涌 东涌 粉嶺 粉岭 上水 離島 离岛'.split(
    ' ',
  ),
  ...'觀塘 观塘 黃大仙 黄大仙 深水埗 油麻地 旺角 尖沙咀 九龍城 九龙城 九龍塘 九龙塘 何文田 土瓜灣 土瓜湾 紅磡 红磡 藍田 蓝田 牛頭角 牛头角'.split(
    ' ',
  ),
  ...'灣仔 湾仔 銅鑼灣 铜锣湾 北角 鰂魚涌 鲗鱼涌 柴灣 柴湾 筲箕灣 筲箕湾 香港仔 鴨脷洲 鸭脷洲 薄扶林 跑馬地 跑马地 中環 中环 上環 上环 西環 西环 堅尼地城 坚尼地城'.split(
    ' ',
  ),
  ...'澳門半島 澳门半岛 路氹 新口岸 南灣 南湾 下環 下环 筷子基 黑沙環 黑沙环 台山 望廈 望厦'.split(' '),
];
/** Up to three place names in a row before the street or estate: 香港九龍旺角, 澳門氹仔, 新界沙田馬鞍山. */
const PLACE_CHAIN = `(?:${PLACE_START}|${HK_MO_AREAS.join('|')}){1,3}`;

const CN_ADDRESS = new RegExp(
  `(?:${PLACE_CHAIN})?(?:[${HAN}]{1,6}?${ADMIN}){0,3}` +
    `(?:[${HAN}A-Za-z0-9]{1,10}?${STREET}(?:[东西南北東中][路街]?|[一二三四五六七八九十]{1,2}[路街巷]|[0-9]{1,2}段)?\\s?${NUM}\\s?[号號](?:之${NUM})?` +
    `(?:[${HAN}A-Za-z]{1,8}?${BUILDING})?(?:\\s?${UNIT}){0,4}` +
    `|[${HAN}]{1,8}?${BUILDING}(?:\\s?${UNIT}){2,4})`,
  'g',
);
const CN_ADMIN_CHAIN = new RegExp(`(?:${PLACE_START})(?:[${HAN}]{1,6}?${ADMIN}){1,3}`, 'g');

const LEAD_TRIM =
  /^(?:地址|住址|家住|住在|位于|位於|居住于|居住於|寄往|寄至|送至|现住|現住|通讯地址|通訊地址|联系地址|聯絡地址|在|于|於|住|到|至|往|是|为|為|的)+/;

const EN_ROAD = '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Path|Terrace|Drive|Crescent|Square|Circuit|Highway)';
const EN_PLACE = LATIN_PLACE_NAMES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const EN_ADDRESS = new RegExp(
  `(?:(?:Flat|Room|Rm|Unit|Apt|Shop)\\.?\\s?[A-Z0-9]{1,4},?\\s*)?(?:(?:\\d{1,3}|G)/F\\.?,?\\s*)?` +
    `(?:(?:Block|Blk|Tower)\\s?[A-Z0-9]{1,2},?\\s*)?` +
    `(?:[A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,3}\\s(?:Building|Mansion|Court|Gardens?|Estate|House|Centre|Center|Tower|Plaza|Villa),?\\s*` +
    `|(?<=(?:Block|Blk|Tower|/F\\.?)\\s?[A-Z0-9]{0,2},\\s*)[A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,4},\\s*)?` +
    `\\d{1,4}[A-Z]?(?:-\\d{1,4})?\\s(?:[A-Z][a-z]+(?:'s)?\\s){1,4}${EN_ROAD}\\.?` +
    `(?:,?\\s(?:${EN_PLACE}|N\\.T\\.|NT|HK|Hong Kong|Kowloon|New Territories))*`,
  'g',
);
const PT_ADDRESS = new RegExp(
  `(?:Avenida|Av\\.|Rua|Travessa|Estrada|Largo|Beco|Calçada|Praça|Alameda|Pátio)\\s(?:d[aeo]s?\\s)?[A-ZÀ-Ú][\\wÀ-ÿ]+` +
    `(?:\\s(?:(?:d[aeo]s?|e)\\s)?[A-ZÀ-Ú][\\wÀ-ÿ.]+){0,4},?\\s*(?:n\\.?\\s?º|nº|N\\.?º|no\\.|número)?\\s*\\d{1,4}[A-Z]?` +
    `(?:,\\s*(?:Edf\\.|Edifício|Edificio)\\s[A-ZÀ-Ú][\\wÀ-ÿ]+(?:\\s[A-ZÀ-Ú\\d][\\wÀ-ÿ]*){0,3})?` +
    `(?:,\\s*\\d{1,2}\\.?\\s?º?\\s*(?:andar|Andar)(?:\\s[A-Z]\\b)?)?(?:,\\s*(?:Macau|Macao|Taipa|Coloane))?`,
  'g',
);

const COMPONENT = new RegExp(`${ADMIN}|${STREET}|[号號]|${BUILDING}`, 'g');

const INNER_CUE = /(?:地址|住址|家住|住在|居住於|居住于)[：:\s]*/g;

/** Offset just after the last address cue inside `value` (0 when there is none). */
function lastInnerCue(value: string): number {
  INNER_CUE.lastIndex = 0;
  let after = 0;
  let m: RegExpExecArray | null;
  while ((m = INNER_CUE.exec(value)) !== null) after = m.index + m[0].length;
  return after;
}

// Units the main pattern stops short of: a phase or estate word before the units (觀塘中心二期8樓805室,
// 华发中城荟2栋1单元1802室) and a flat letter after the floor (12樓C, 9樓E).
const TAIL = new RegExp(
  `(?:[${HAN}]{1,3}?)?(?:\\s?[0-9０-９]{1,5}\\s?(?:栋|棟|幢|座|单元|單元|楼|樓|层|層|室|號樓|号楼))+(?:\\s?[A-Z](?![A-Za-z0-9]))?|\\s?[A-Z](?![A-Za-z0-9])`,
  'y',
);

/** A room number written bare after the entrance (5栋2单元603): three or four digits, nothing after. */
const ROOM_AFTER_ENTRANCE = /[0-9]{3,4}(?![0-9０-９A-Za-z])/y;

/** The end of an address, moved over the units written right after where the main pattern stopped. */
function extendTail(text: string, end: number): number {
  TAIL.lastIndex = end;
  const m = TAIL.exec(text);
  let to = m ? end + m[0].length : end;
  const entrance = text.slice(to - 2, to);
  if (entrance === '单元' || entrance === '單元') {
    ROOM_AFTER_ENTRANCE.lastIndex = to;
    const room = ROOM_AFTER_ENTRANCE.exec(text);
    if (room) to += room[0].length;
  }
  return to;
}

function push(out: Entity[], start: number, end: number, score: number, detector: string) {
  out.push({ type: 'ADDRESS', start, end, score: clampScore(score), detector });
}

const CN_ANCHOR = /[号號栋棟室樓楼座]/g;
const ADMIN_ANCHOR = /[省市区區县縣]/g;
const EN_ANCHOR = /\b(?:Road|Rd|Street|St|Avenue|Ave|Lane|Path|Terrace|Drive|Crescent|Square|Circuit|Highway)\b/;
const PT_ANCHOR = /\b(?:Avenida|Av\.|Rua|Travessa|Estrada|Largo|Beco|Calçada|Praça|Alameda|Pátio)\s/;

/**
 * Windows of text around anchor characters, merged when they touch. The address patterns are costly to
 * try at every position; an address always ends near a 号/室/樓 (or an admin suffix), so only these
 * windows are searched.
 */
function windowsAround(text: string, anchor: RegExp, before: number, after: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  anchor.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = anchor.exec(text)) !== null) {
    const start = Math.max(0, m.index - before);
    const end = Math.min(text.length, m.index + after);
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * Matches of `re` inside each window. `needs` is a cheap necessary condition on the window: a window
 * without it cannot hold a match, and the costly pattern is not tried there.
 */
function matchesIn(re: RegExp, text: string, windows: Array<[number, number]>, needs: RegExp): Array<{ index: number; value: string }> {
  const out: Array<{ index: number; value: string }> = [];
  for (const [from, to] of windows) {
    const slice = text.slice(from, to);
    if (!needs.test(slice)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) out.push({ index: from + m.index, value: m[0] });
  }
  return out;
}

/**
 * A street address has a house number right before 号/號; a building-only one a building word followed by a
 * unit (a number, a letter or 地下/地铺). A window with neither cannot hold a match of CN_ADDRESS.
 */
const CN_ADDRESS_NEEDS = new RegExp(`[0-9０-９]\\s?[号號]|${BUILDING}\\s?(?:[0-9０-９A-Z]|地[下铺舖])`);
/** An administrative chain starts with a province/city (省, 市) or one of the named places of PLACE_START. */
const ADMIN_CHAIN_NEEDS = /[省市]|中[国國]|香港|九[龍龙]|新界|澳[門门]|氹仔|路[環环]/;

export const addressRecogniser: Recogniser = {
  name: 'address',
  types: ['ADDRESS'],
  applies: (f) => f.hasHan || (f.digits >= 1 && f.hasUpperLatin),
  find(text) {
    const out: Entity[] = [];
    for (const m of matchesIn(CN_ADDRESS, text, windowsAround(text, CN_ANCHOR, 48, 24), CN_ADDRESS_NEEDS)) {
      const trim = LEAD_TRIM.exec(m.value);
      let start = m.index + (trim ? trim[0].length : 0);
      // 邱同学家住武汉市…: the lazy prefix may swallow words before an address cue; start after the cue.
      const cue = lastInnerCue(m.value);
      if (cue > 0) start = Math.max(start, m.index + cue);
      const end = extendTail(text, m.index + m.value.length);
      if (end - start < 5) continue;
      const components = (text.slice(start, end).match(COMPONENT) ?? []).length;
      push(out, start, end, components >= 3 ? 0.9 : 0.75, 'address:zh');
    }
    for (const m of matchesIn(CN_ADMIN_CHAIN, text, windowsAround(text, ADMIN_ANCHOR, 24, 4), ADMIN_CHAIN_NEEDS)) {
      // A bare province–city–district chain (广东省佛山市高明区) is a location, weaker than a street address.
      // Only with an address cue before it (地址, 住址, 家住 …) is it someone's address rather than a place.
      const trim = LEAD_TRIM.exec(m.value);
      const cued = trim !== null || /(?:地址|住址|住在|家住|居住)[：:\s]*$/.test(text.slice(Math.max(0, m.index - 8), m.index));
      push(out, m.index + (trim ? trim[0].length : 0), m.index + m.value.length, cued ? 0.7 : 0.4, 'address:zh-admin');
    }
    for (const [re, anchor, detector] of [
      [EN_ADDRESS, EN_ANCHOR, 'address:en'],
      [PT_ADDRESS, PT_ANCHOR, 'address:pt'],
    ] as const) {
      if (!anchor.test(text)) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) push(out, m.index, m.index + m[0].length, 0.88, detector);
    }
    return out;
  },
};
