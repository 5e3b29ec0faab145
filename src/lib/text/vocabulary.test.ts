import { describe, expect, it } from 'vitest';
import { canonicalise } from './canonicalise.ts';
import { convertForDisplay } from './convert-for-display.ts';
import type { ChineseLanguage, Region } from './language.ts';
import { scriptConverter } from './opencc.ts';
import { KEEP_PHRASES, VOCABULARY, formsOf, preferredForm, type VocabularyEntry } from './vocabulary.ts';
import { formKey, vocabularyConflicts } from './vocabulary-index.ts';

const LANGUAGE: Record<'hans' | 'hk' | 'mo', ChineseLanguage> = {
  hans: 'zh-Hans',
  hk: 'zh-Hant-HK',
  mo: 'zh-Hant-MO',
};

/** What display conversion must produce for an entry's preferred form, from one region to another. */
function expectedDisplay(entry: VocabularyEntry, from: Region, to: Region): string {
  const form = preferredForm(entry, from);
  const restricted = entry.display === 'none' || (entry.display === 'toHans' && formKey(form) === formKey(entry.hans));
  return restricted ? scriptConverter(from, to)(form) : preferredForm(entry, to);
}

describe('the regional vocabulary map', () => {
  it('holds at least 100 concepts, each with a unique id and all three content regions filled', () => {
    expect(VOCABULARY.length).toBeGreaterThanOrEqual(100);
    expect(new Set(VOCABULARY.map((e) => e.id)).size).toBe(VOCABULARY.length);
    for (const entry of VOCABULARY) {
      expect(entry.hans && entry.hk && entry.mo && entry.en, entry.id).toBeTruthy();
    }
  });

  it('covers the terms the issue names, with the Hong Kong form a Hong Kong teacher writes', () => {
    const hk = (hans: string): string | undefined => VOCABULARY.find((e) => e.hans === hans)?.hk;
    expect(hk('软件')).toBe('軟件');
    expect(hk('程序')).toBe('程式');
    expect(hk('机器人')).toBe('機械人');
    expect(hk('视频')).toBe('影片');
    expect(hk('信息')).toBe('資訊');
    expect(hk('网络')).toBe('網絡');
    expect(hk('数据')).toBe('數據');
    expect(hk('编程')).toBe('編程');
    expect(hk('电脑')).toBe('電腦');
    expect(hk('人工智能')).toBe('人工智能');
    expect(hk('算法')).toBe('演算法');
    expect(hk('服务器')).toBe('伺服器');
    expect(hk('数码')).toBe('數碼');
    expect(hk('鼠标')).toBe('滑鼠');
    expect(hk('打印机')).toBe('打印機');
    expect(hk('屏幕')).toBe('螢幕');
    expect(hk('质量')).toBe('質素');
    expect(hk('支持')).toBe('支援');
    expect(hk('互联网')).toBe('互聯網');
    expect(hk('硬件')).toBe('硬件');
    expect(hk('芯片')).toBe('晶片');
    expect(hk('优化')).toBe('優化');
    expect(hk('默认')).toBe('預設');
    expect(hk('菜单')).toBe('選單');
  });

  it('maps no recognised form to two different concepts', () => {
    expect(vocabularyConflicts()).toEqual([]);
  });

  it('gives each region one reading of every form it may write', () => {
    for (const region of ['hans', 'hk', 'mo'] as const) {
      const owner = new Map<string, string>();
      for (const entry of VOCABULARY) {
        if (entry.display === 'none') continue;
        for (const form of formsOf(entry, region)) {
          const previous = owner.get(form);
          expect(previous === undefined || previous === entry.id, `${region} ${form}: ${previous} and ${entry.id}`).toBe(true);
          owner.set(form, entry.id);
        }
      }
    }
  });

  it('keeps protected phrases (方程式, 法律程序) in every direction', () => {
    expect(KEEP_PHRASES).toContain('方程式');
    expect(canonicalise('解方程式')).toBe('解方程式');
    expect(convertForDisplay('法律程序与程序设计', 'zh-Hans', 'zh-Hant-HK').text).toBe('法律程序與程式設計');
    expect(convertForDisplay('方程式與程式', 'zh-Hant-HK', 'zh-Hans').text).toBe('方程式与程序');
  });
});

describe.each(VOCABULARY.map((entry) => [`${entry.hans} ↔ ${entry.hk} ↔ ${entry.mo} (${entry.id})`, entry] as const))(
  'vocabulary entry %s',
  (_name, entry) => {
    it('canonicalises every recognised form of every region to the same key', () => {
      const key = canonicalise(entry.hans);
      expect(key).toBe(formKey(entry.hans));
      for (const region of ['hans', 'hk', 'mo', 'tw'] as const) {
        if (entry.ambiguous?.includes(region)) continue;
        for (const form of formsOf(entry, region)) expect(canonicalise(form), `${region} ${form}`).toBe(key);
      }
    });

    it('round-trips through display conversion between Simplified, Hong Kong and Macao', () => {
      for (const from of ['hans', 'hk', 'mo'] as const) {
        for (const to of ['hans', 'hk', 'mo'] as const) {
          if (from === to) continue;
          const shown = convertForDisplay(preferredForm(entry, from), LANGUAGE[from], LANGUAGE[to]).text;
          expect(shown, `${from} → ${to}`).toBe(expectedDisplay(entry, from, to));
        }
      }
    });
  },
);
