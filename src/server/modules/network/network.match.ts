/**
 * Explainable pairing suggestions: a pure, deterministic score of how well a candidate school fits a school,
 * with reason codes the UI translates (`network.reasons.<code>`). No database, no clock, no randomness, so the
 * same profiles always give the same ranking (network.match.test.ts) and a principal can see why.
 */

export interface MatchProfile {
  schoolId: string;
  code: string;
  jurisdiction: string;
  stage: 'primary' | 'junior' | 'senior' | 'through-train';
  languages: readonly string[];
  interests: readonly string[];
  seeks: readonly string[];
  /** Coordinates (own or district centroid); null when unknown. */
  location: { lat: number; lng: number } | null;
  /** Active pairs the school already has. */
  activePairs: number;
}

export type TravelClass = 'same-city' | 'day-trip' | 'overnight' | 'far';

export interface MatchReason {
  code:
    | 'common-interests'
    | 'meets-your-needs'
    | 'you-meet-theirs'
    | 'same-stage'
    | 'overlapping-stage'
    | 'shared-language'
    | `travel-${TravelClass}`
    | 'cross-border'
    | 'already-paired';
  points: number;
  /** Values for the translated text: the interests in common, the km, the number of pairs… */
  values?: { items?: string[]; km?: number; count?: number; languages?: string[] };
}

export interface Match {
  schoolId: string;
  code: string;
  score: number;
  travel: TravelClass | null;
  reasons: MatchReason[];
}

export const WEIGHTS = {
  commonInterest: 10,
  commonInterestMax: 30,
  complement: 8,
  complementMax: 24,
  sameStage: 15,
  overlappingStage: 8,
  sharedLanguage: 10,
  travel: { 'same-city': 12, 'day-trip': 8, overnight: 3, far: 0 } as Record<TravelClass, number>,
  crossBorder: 10,
  perExistingPair: -5,
  existingPairMax: -20,
};

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();
const intersect = (a: readonly string[], b: readonly string[]) => sorted(a.filter((x) => b.includes(x)));

/** Great-circle distance in km (haversine), rounded to a whole km so tiny float noise never reorders. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

/** Travel-time class by distance: an afternoon visit, a day trip (Nansha–Kowloon by ferry), a night away, or farther. */
export function travelClass(km: number): TravelClass {
  if (km < 30) return 'same-city';
  if (km < 150) return 'day-trip';
  if (km < 800) return 'overnight';
  return 'far';
}

/** Language family: zh-Hant-HK and zh-Hant-MO teach in the same script; any Chinese counts as shared Chinese. */
const family = (lang: string) => (lang.startsWith('zh') ? 'zh' : lang.split('-')[0]);

const STAGE_SPAN: Record<MatchProfile['stage'], string[]> = {
  primary: ['primary'],
  junior: ['junior'],
  senior: ['senior'],
  'through-train': ['primary', 'junior', 'senior'],
};

/** How well `candidate` fits `school`. */
export function scoreMatch(school: MatchProfile, candidate: MatchProfile): Match {
  const reasons: MatchReason[] = [];
  const common = intersect(school.interests, candidate.interests);
  if (common.length)
    reasons.push({
      code: 'common-interests',
      points: Math.min(common.length * WEIGHTS.commonInterest, WEIGHTS.commonInterestMax),
      values: { items: common },
    });
  const theyGive = intersect(school.seeks, candidate.interests);
  if (theyGive.length)
    reasons.push({
      code: 'meets-your-needs',
      points: Math.min(theyGive.length * WEIGHTS.complement, WEIGHTS.complementMax),
      values: { items: theyGive },
    });
  const youGive = intersect(candidate.seeks, school.interests);
  if (youGive.length)
    reasons.push({
      code: 'you-meet-theirs',
      points: Math.min(youGive.length * WEIGHTS.complement, WEIGHTS.complementMax),
      values: { items: youGive },
    });

  if (school.stage === candidate.stage) reasons.push({ code: 'same-stage', points: WEIGHTS.sameStage });
  else if (STAGE_SPAN[school.stage].some((s) => STAGE_SPAN[candidate.stage].includes(s)))
    reasons.push({ code: 'overlapping-stage', points: WEIGHTS.overlappingStage });

  const sharedFamilies = sorted(school.languages.map(family).filter((f) => candidate.languages.map(family).includes(f)));
  if (sharedFamilies.length)
    reasons.push({ code: 'shared-language', points: WEIGHTS.sharedLanguage, values: { languages: sharedFamilies } });

  let travel: TravelClass | null = null;
  if (school.location && candidate.location) {
    const km = distanceKm(school.location, candidate.location);
    travel = travelClass(km);
    reasons.push({ code: `travel-${travel}`, points: WEIGHTS.travel[travel], values: { km } });
  }

  if (school.jurisdiction !== candidate.jurisdiction) reasons.push({ code: 'cross-border', points: WEIGHTS.crossBorder });

  if (candidate.activePairs > 0)
    reasons.push({
      code: 'already-paired',
      points: Math.max(candidate.activePairs * WEIGHTS.perExistingPair, WEIGHTS.existingPairMax),
      values: { count: candidate.activePairs },
    });

  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  return { schoolId: candidate.schoolId, code: candidate.code, score, travel, reasons };
}

/**
 * Ranks candidates for a school: best score first, ties broken by school code so the order never depends on
 * how the database returned rows. The school itself and `exclude` (current partners) are left out.
 */
export function rankMatches(school: MatchProfile, candidates: readonly MatchProfile[], exclude: ReadonlySet<string> = new Set()): Match[] {
  return candidates
    .filter((c) => c.schoolId !== school.schoolId && !exclude.has(c.schoolId))
    .map((c) => scoreMatch(school, c))
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
