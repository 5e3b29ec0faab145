import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalise, canonicaliseAligned } from './canonicalise.ts';

describe('canonicalise', () => {
  it('brings 机器人编程, 機械人編程 and 機器人編程 to the same canonical text', () => {
    expect(canonicalise('机器人编程')).toBe('机器人编程');
    expect(canonicalise('機械人編程')).toBe('机器人编程');
    expect(canonicalise('機器人編程')).toBe('机器人编程');
  });

  it('brings 程序设计 and 程式設計 together, and 视频 and 影片', () => {
    expect(canonicalise('程式設計')).toBe(canonicalise('程序设计'));
    expect(canonicalise('教學影片')).toBe(canonicalise('教学视频'));
  });

  it('normalises before converting (ＡＩ課程 → ai课程)', () => {
    expect(canonicalise('ＡＩ課程')).toBe('ai课程');
  });

  it('maps Macao and Taiwan forms to the same key (質量, 軟體)', () => {
    expect(canonicalise('教學質量')).toBe(canonicalise('教學質素'));
    expect(canonicalise('軟體')).toBe('软件');
  });

  it('does not use a Taiwan form that means something else on the Mainland (資料 is "materials")', () => {
    expect(canonicalise('教學資料')).toBe('教学资料');
  });

  it('leaves a regional form alone where it is only a piece of Mainland words', () => {
    expect(canonicalise('产品质量')).toBe('产品质量'); // not 产[品质]量 → 产质量量
    expect(canonicalise('電視頻道')).toBe('电视频道');
    expect(canonicalise('小数位')).toBe('小数位'); // Taiwan's 數位 (digital) is not used for search
    expect(canonicalise('其中一个学生的功课')).toBe('其中一个学生的作业');
  });

  it('leaves keep-list phrases alone (马达加斯加 is not a motor, 备课室 not a classroom)', () => {
    expect(canonicalise('马达加斯加')).toBe('马达加斯加');
    expect(canonicalise('備課室')).toBe('备课室');
  });

  it('is idempotent on texts built from vocabulary', () => {
    const words = ['機械人', '影片', '程式', '手提電腦', '軟件', '方程式', '質素', ' ', 'ai', '学习'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (parts) => {
        const once = canonicalise(parts.join(''));
        expect(canonicalise(once)).toBe(once);
      }),
    );
  });
});

describe('canonicaliseAligned', () => {
  it('gives the same text as canonicalise', () => {
    const chars = fc.constantFrom(...'機械人影片程式手提電腦軟件方程式质素學习 ，ＡＩa+#\u0301'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(canonicaliseAligned(text).text).toBe(canonicalise(text));
      }),
    );
  });

  it('maps a replacement of another length to the whole original word', () => {
    const aligned = canonicaliseAligned('用手提電腦');
    expect(aligned.text).toBe('用笔记本电脑');
    expect(aligned.start).toEqual([0, 1, 1, 1, 1, 1]);
    expect(aligned.end).toEqual([1, 5, 5, 5, 5, 5]);
  });
});
