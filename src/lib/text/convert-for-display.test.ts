import { describe, expect, it } from 'vitest';
import { convertForDisplay, makeEdition } from './convert-for-display.ts';

const LESSON =
  '本课程面向初中学生，介绍机器人编程的基本概念。学生将使用电脑上的软件编写程序，控制机器人完成任务，' +
  '并观看教学视频。课后请登录平台上传作业，在线学习时请使用默认菜单。';

describe('convertForDisplay', () => {
  it('shows a Simplified lesson to a Hong Kong reader with Hong Kong script and vocabulary', () => {
    const shown = convertForDisplay(LESSON, 'zh-Hans', 'zh-Hant-HK');
    expect(shown).toEqual({
      text:
        '本課程面向初中學生，介紹機械人編程的基本概念。學生將使用電腦上的軟件編寫程式，控制機械人完成任務，' +
        '並觀看教學影片。課後請登入平台上載功課，網上學習時請使用預設選單。',
      converted: true,
      from: 'zh-Hans',
      to: 'zh-Hant-HK',
    });
  });

  it('brings a Hong Kong text back to the Simplified original', () => {
    const hongKong = convertForDisplay(LESSON, 'zh-Hans', 'zh-Hant-HK').text;
    expect(convertForDisplay(hongKong, 'zh-Hant-HK', 'zh-Hans').text).toBe(LESSON);
  });

  it('uses Macao vocabulary where it differs from Hong Kong (質量 for quality)', () => {
    expect(convertForDisplay('提高教学质量', 'zh-Hans', 'zh-Hant-HK').text).toBe('提高教學質素');
    expect(convertForDisplay('提高教学质量', 'zh-Hans', 'zh-Hant-MO').text).toBe('提高教學質量');
    expect(convertForDisplay('提高教學質素', 'zh-Hant-HK', 'zh-Hant-MO').text).toBe('提高教學質量');
  });

  it('leaves Mainland words with a second sense in script only (质量 as physical mass, 信息 as message)', () => {
    expect(convertForDisplay('物体的质量', 'zh-Hans', 'zh-Hant-HK').text).toBe('物體的質量');
    expect(convertForDisplay('发送信息', 'zh-Hans', 'zh-Hant-HK').text).toBe('發送信息');
    expect(convertForDisplay('資訊', 'zh-Hant-HK', 'zh-Hans').text).toBe('信息');
  });

  it('keeps procedures as procedures (实验程序 → 實驗程序, not 程式)', () => {
    expect(convertForDisplay('实验程序和应用程序', 'zh-Hans', 'zh-Hant-HK').text).toBe('實驗程序和應用程式');
  });

  it('replaces a form only where it is a word of the text', () => {
    expect(convertForDisplay('电视频道', 'zh-Hans', 'zh-Hant-HK').text).toBe('電視頻道'); // 电视 / 频道, no 视频
    expect(convertForDisplay('编写程序', 'zh-Hans', 'zh-Hant-HK').text).toBe('編寫程式'); // end of one word
    expect(convertForDisplay('騎電單車', 'zh-Hant-HK', 'zh-Hans').text).toBe('骑电单车'); // a motorcycle
  });

  it('does not label a text as converted when it is already in the target language or not Chinese', () => {
    expect(convertForDisplay('機械人', 'zh-Hant-HK', 'zh-Hant-HK')).toMatchObject({ text: '機械人', converted: false });
    expect(convertForDisplay('Robot lessons', 'en', 'zh-Hans')).toMatchObject({ text: 'Robot lessons', converted: false });
    expect(convertForDisplay('人工智能', 'zh-Hans', 'zh-Hant-HK').converted).toBe(false);
  });
});

describe('makeEdition', () => {
  it('makes the same text as display conversion and lists the vocabulary it replaced, for review', () => {
    const edition = makeEdition('观看机器人视频', 'zh-Hans', 'zh-Hant-HK');
    expect(edition.text).toBe(convertForDisplay('观看机器人视频', 'zh-Hans', 'zh-Hant-HK').text);
    expect(edition.text).toBe('觀看機械人影片');
    expect(edition.vocabularyChanges).toEqual([
      { start: 2, end: 5, original: '机器人', replacement: '機械人', concept: 'robot' },
      { start: 5, end: 7, original: '视频', replacement: '影片', concept: 'video' },
    ]);
  });

  it('makes a Simplified edition of a Hong Kong text, without listing script-only changes', () => {
    const edition = makeEdition('軟件與程式設計', 'zh-Hant-HK', 'zh-Hans');
    expect(edition.text).toBe('软件与程序设计');
    expect(edition.vocabularyChanges.map((c) => c.concept)).toEqual(['program-design']);
  });
});
