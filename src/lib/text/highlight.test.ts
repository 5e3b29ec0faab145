import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

const marked = (segments: ReturnType<typeof highlight>): [string, number, number][] =>
  segments.filter((s) => s.match).map((s) => [s.text, s.start, s.end]);

describe('highlight', () => {
  it('marks the Hong Kong words of a Simplified query at their offsets in the original text', () => {
    const text = '本課程教學生機械人編程，並觀看教學影片。';
    expect(marked(highlight(text, '机器人 视频'))).toEqual([
      ['機械人', 6, 9],
      ['影片', 17, 19],
    ]);
  });

  it('marks a whole word whose canonical form has another length (手提電腦 ↔ 笔记本电脑)', () => {
    expect(marked(highlight('借用手提電腦上課', ['笔记本电脑']))).toEqual([['手提電腦', 2, 6]]);
    expect(marked(highlight('借用笔记本电脑', ['手提電腦']))).toEqual([['笔记本电脑', 2, 7]]);
  });

  it('keeps offsets right after full-width letters and punctuation', () => {
    const text = 'ＡＩ，機械人';
    const [hit] = highlight(text, '机器人').filter((s) => s.match);
    expect(text.slice(hit.start, hit.end)).toBe('機械人');
  });

  it('marks English words by their stems (learn marks Learning)', () => {
    expect(marked(highlight('Machine Learning for teachers', 'learn'))).toEqual([['Learning', 8, 16]]);
  });

  it('marks what a corrected query meant (机器学系 marks 机器学习)', () => {
    expect(marked(highlight('学习机器学习', '机器学系'))).toContainEqual(['机器学习', 2, 6]);
  });

  it('merges adjacent matches into one mark', () => {
    expect(marked(highlight('機械人編程課', '机器人编程'))).toEqual([['機械人編程', 0, 5]]);
  });

  it('returns segments that rebuild the original text', () => {
    const text = '  「ＡＩ」與機械人——Robot Learning!';
    const segments = highlight(text, 'robot 机器人');
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['機械人', 'Robot']);
  });

  it('returns one unmarked segment when nothing matches', () => {
    expect(highlight('數學', '物理')).toEqual([{ text: '數學', start: 0, end: 2, match: false }]);
  });
});
