/**
 * Generalisation: keep the statistical value of a field, lose the person. Birth dates become a year or a
 * month, ages a five-year band, addresses their district or city. Jurisdiction trees differ (省/市/区 vs
 * Hong Kong's 18 districts vs Macao's freguesias), so address generalisation takes a resolver callback
 * and falls back to cutting a Chinese address after its first district-level unit.
 */

export type AddressLevel = 'district' | 'city';
export type ResolveLocation = (address: string, level: AddressLevel) => string | undefined;

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PT_MONTHS = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
];
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Extracts year and month from the date formats the detector knows. */
export function parseYearMonth(value: string): { year: number; month?: number } | undefined {
  let m: RegExpExecArray | null;
  const cn = /^([〇零一二三四五六七八九]{4})年/.exec(value);
  if (cn) return { year: Number([...cn[1]].map((c) => CN_DIGITS[c]).join('')) };
  if ((m = /((?:19|20)\d{2})(?:年|[-/.])(\d{1,2})/.exec(value))) return { year: Number(m[1]), month: Number(m[2]) };
  if ((m = /(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})/.exec(value))) return { year: Number(m[3]), month: Number(m[2]) };
  if ((m = /^((?:19|20)\d{2})(\d{2})\d{2}$/.exec(value))) return { year: Number(m[1]), month: Number(m[2]) };
  const lower = value.toLowerCase();
  const year = /(?:19|20)\d{2}/.exec(value);
  if (!year) return undefined;
  const en = EN_MONTHS.findIndex((mon) => lower.includes(mon));
  const pt = PT_MONTHS.findIndex((mon) => lower.includes(mon));
  const month = en >= 0 ? en + 1 : pt >= 0 ? pt + 1 : undefined;
  return { year: Number(year[0]), month };
}

/** @example generaliseDate('2009年3月14日', 'month') // '2009-03' */
export function generaliseDate(value: string, to: 'year' | 'month' = 'year'): string {
  const parsed = parseYearMonth(value);
  if (!parsed) return '[DATE]';
  if (to === 'month' && parsed.month) return `${parsed.year}-${String(parsed.month).padStart(2, '0')}`;
  return String(parsed.year);
}

/** @example generaliseAge(13) // '10-14' */
export function generaliseAge(age: number, width = 5): string {
  const low = Math.floor(age / width) * width;
  return `${low}-${low + width - 1}`;
}

const DISTRICT_CUT = /^.*?(?:特别行政区|特別行政區)?.*?(?:区|區|县|縣|堂區|堂区)(?!域)/u;
const CITY_CUT = /^.*?(?:市|香港|澳門|澳门)/u;
const EN_REGIONS = /\b(Kowloon|Hong Kong Island|Hong Kong|New Territories|Macau|Macao|Taipa|Coloane)\b/;

/** @example generaliseAddress('广东省广州市天河区天河路123号', 'district') // '广东省广州市天河区' */
export function generaliseAddress(value: string, level: AddressLevel, resolve?: ResolveLocation): string {
  const resolved = resolve?.(value, level);
  if (resolved) return resolved;
  const cut = (level === 'district' ? DISTRICT_CUT : CITY_CUT).exec(value);
  if (cut && cut[0].length < value.length) return cut[0];
  const region = EN_REGIONS.exec(value);
  return region ? region[1] : '[ADDRESS]';
}
