import { describe, expect, it } from 'vitest';
import { detectScript } from './detect-script.ts';

describe('detectScript', () => {
  it('tells Simplified from Traditional Chinese', () => {
    expect(detectScript('机器人编程课程')).toBe('zh-Hans');
    expect(detectScript('機械人編程課程')).toBe('zh-Hant-HK');
  });

  it('lets a Macao node read Traditional text as Macao Chinese', () => {
    expect(detectScript('機械人編程課程', { traditional: 'zh-Hant-MO' })).toBe('zh-Hant-MO');
  });

  it('reads Chinese with a few English words as Chinese', () => {
    expect(detectScript('用 Python 學習人工智能')).toBe('zh-Hant-HK');
  });

  it('falls back to the caller’s choice when every character is the same in both scripts', () => {
    expect(detectScript('人工智能')).toBe('zh-Hans');
    expect(detectScript('人工智能', { ambiguousChinese: 'zh-Hant-HK' })).toBe('zh-Hant-HK');
  });

  it('tells English from Portuguese', () => {
    expect(detectScript('This lesson is about robots and the way they learn')).toBe('en');
    expect(detectScript('Esta aula é sobre robôs e a programação para os alunos')).toBe('pt');
    expect(detectScript('')).toBe('en');
  });
});
