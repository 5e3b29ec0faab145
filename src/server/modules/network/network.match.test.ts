import { describe, expect, it } from 'vitest';
import { distanceKm, rankMatches, scoreMatch, travelClass, type MatchProfile } from './network.match.ts';

// Fixtures: invented schools at the demo districts' centroids.
const nansha: MatchProfile = {
  schoolId: 's-nansha',
  code: 'gd-nansha',
  jurisdiction: 'GD',
  stage: 'through-train',
  languages: ['zh-Hans', 'en'],
  interests: ['robotics', 'smart-agriculture', 'programming'],
  seeks: ['language-exchange', 'ai-ethics'],
  location: { lat: 22.8016, lng: 113.5255 },
  activePairs: 0,
};
const kowloon: MatchProfile = {
  schoolId: 's-kowloon',
  code: 'hk-kowloon',
  jurisdiction: 'HK',
  stage: 'senior',
  languages: ['zh-Hant-HK', 'en'],
  interests: ['robotics', 'ai-ethics', 'language-exchange'],
  seeks: ['smart-agriculture'],
  location: { lat: 22.3282, lng: 114.1916 },
  activePairs: 1,
};
const tianhe: MatchProfile = {
  schoolId: 's-tianhe',
  code: 'gd-tianhe',
  jurisdiction: 'GD',
  stage: 'primary',
  languages: ['zh-Hans'],
  interests: ['robotics'],
  seeks: [],
  location: { lat: 23.1246, lng: 113.3612 },
  activePairs: 0,
};
const wuchang: MatchProfile = {
  schoolId: 's-wuchang',
  code: 'hb-wuchang',
  jurisdiction: 'HB',
  stage: 'junior',
  languages: ['zh-Hans'],
  interests: ['programming', 'robotics'],
  seeks: ['smart-agriculture'],
  location: null,
  activePairs: 0,
};

describe('match scoring', () => {
  it('scores Nansha→Kowloon with exactly these reasons and points', () => {
    const m = scoreMatch(nansha, kowloon);
    expect(m.reasons).toEqual([
      { code: 'common-interests', points: 10, values: { items: ['robotics'] } },
      { code: 'meets-your-needs', points: 16, values: { items: ['ai-ethics', 'language-exchange'] } },
      { code: 'you-meet-theirs', points: 8, values: { items: ['smart-agriculture'] } },
      { code: 'overlapping-stage', points: 8 },
      { code: 'shared-language', points: 10, values: { languages: ['en', 'zh'] } },
      { code: 'travel-day-trip', points: 8, values: { km: 86 } },
      { code: 'cross-border', points: 10 },
      { code: 'already-paired', points: -5, values: { count: 1 } },
    ]);
    expect(m.score).toBe(65);
    expect(m.travel).toBe('day-trip');
  });

  it('gives the same ranking and reasons whatever order the candidates come in', () => {
    const a = rankMatches(nansha, [kowloon, tianhe, wuchang, nansha]);
    const b = rankMatches(nansha, [wuchang, nansha, tianhe, kowloon]);
    expect(b).toEqual(a);
    expect(a.map((m) => [m.code, m.score])).toEqual([
      ['hk-kowloon', 65],
      ['hb-wuchang', 56],
      ['gd-tianhe', 36],
    ]);
    // The school itself is never suggested, and excluded partners drop out.
    expect(rankMatches(nansha, [kowloon, tianhe], new Set(['s-kowloon'])).map((m) => m.code)).toEqual(['gd-tianhe']);
  });

  it('leaves distance out when a location is unknown and caps the existing-pairs penalty', () => {
    const m = scoreMatch(nansha, { ...wuchang, activePairs: 9 });
    expect(m.travel).toBeNull();
    expect(m.reasons.find((r) => r.code.startsWith('travel-'))).toBeUndefined();
    expect(m.reasons.find((r) => r.code === 'already-paired')?.points).toBe(-20);
  });

  it('classes travel by distance', () => {
    expect(distanceKm({ lat: 22.8016, lng: 113.5255 }, { lat: 22.8016, lng: 113.5255 })).toBe(0);
    expect([10, 60, 400, 1200].map(travelClass)).toEqual(['same-city', 'day-trip', 'overnight', 'far']);
  });
});
