import { describe, expect, it } from 'vitest';
import { PUBLISH_LEVELS } from '../../../shared/library.ts';
import { displayTargets, editionTargets, parseDisplay, widerLevels } from './labels.ts';

describe('library page labels', () => {
  it('offers a Hong Kong or Macao text in 简体 and a 简体 text in 繁體, never English', () => {
    expect(displayTargets('zh-Hant-HK')).toEqual(['zh-Hans']);
    expect(displayTargets('zh-Hant-MO')).toEqual(['zh-Hans']);
    expect(displayTargets('zh-Hans')).toEqual(['zh-Hant-HK']);
    expect(displayTargets('en')).toEqual([]);
  });

  it('never offers an edition in the language the resource is already written in', () => {
    expect(editionTargets('zh-Hant-HK')).not.toContain('zh-Hant-HK');
    expect(editionTargets('pt')).toEqual([]);
  });

  it('reads only known display languages from the address bar', () => {
    expect(parseDisplay('zh-Hans')).toBe('zh-Hans');
    expect(parseDisplay('<script>')).toBeUndefined();
    expect(parseDisplay(null)).toBeUndefined();
  });

  it('lets a school resource go only to wider levels its school has', () => {
    expect(widerLevels(['private', 'school', 'district', 'province', 'bay-area', 'public'], 'school', PUBLISH_LEVELS)).toEqual([
      'district',
      'province',
      'bay-area',
      'public',
    ]);
    expect(widerLevels(null, 'private', PUBLISH_LEVELS)).toEqual([]);
  });
});
