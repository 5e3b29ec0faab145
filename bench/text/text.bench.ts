import { analyse } from '../../src/lib/text/analyse.ts';
import { analyseQuery } from '../../src/lib/text/analyse-query.ts';
import { canonicalise } from '../../src/lib/text/canonicalise.ts';
import { convertForDisplay } from '../../src/lib/text/convert-for-display.ts';
import { highlight } from '../../src/lib/text/highlight.ts';
import { VOCABULARY } from '../../src/lib/text/vocabulary.ts';

/**
 * Throughput of the text library on generated lesson-like documents (invented text: vocabulary terms
 * of the three regions, common words, punctuation and some English). Figures only; never fails.
 */

const FILLER = [
  '学生',
  '课堂',
  '老师',
  '学习',
  '使用',
  '完成',
  '任务',
  '我们',
  '今天',
  '进行',
  '的',
  '了',
  '和',
  '學生',
  '課堂',
  '老師',
  '學習',
  '進行',
  '討論',
  '活動',
  '設計',
  '基本',
  '概念',
  '方法',
  '以及',
];
const PUNCTUATION = ['，', '。', '、', '；', '：', ' ', '！'];
const ENGLISH = ['robot', 'learning', 'Python', 'AI', 'teachers', 'programming', 'lesson', 'C++'];

/** A small deterministic generator, so every run measures the same text. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

function generateDocuments(count: number, charsEach: number): string[] {
  const next = random(20_240_901);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const documents: string[] = [];
  for (let d = 0; d < count; d++) {
    let text = '';
    while (text.length < charsEach) {
      const roll = next();
      if (roll < 0.35) {
        const entry = pick(VOCABULARY);
        text += pick([entry.hans, entry.hk, entry.mo]);
      } else if (roll < 0.8) text += pick(FILLER);
      else if (roll < 0.9) text += pick(PUNCTUATION);
      else text += ` ${pick(ENGLISH)} `;
    }
    documents.push(text);
  }
  return documents;
}

function megabytes(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) / 1_000_000;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

export async function run(): Promise<Record<string, number>> {
  const documents = generateDocuments(400, 2_000);
  const size = megabytes(documents);
  // Warm up: load jieba, OpenCC tables, the vocabulary tries and the correction lexicon once.
  const warmUp = timed(() => {
    analyse(documents[0]);
    analyseQuery('机器学系');
    convertForDisplay(documents[0], 'zh-Hans', 'zh-Hant-HK');
  });

  const analyseSeconds = timed(() => documents.forEach((text) => analyse(text)));
  const canonicaliseSeconds = timed(() => documents.forEach((text) => canonicalise(text)));
  const displaySeconds = timed(() => documents.forEach((text) => convertForDisplay(text, 'zh-Hans', 'zh-Hant-HK')));
  const queries = ['机器人编程', '機械人 影片', '机器学系', 'robot learning', '程式設計入門', '人工智能教育'];
  const querySeconds = timed(() => {
    for (let i = 0; i < 50; i++) queries.forEach((q) => analyseQuery(q));
  });
  const sample = documents.slice(0, 100);
  const highlightSeconds = timed(() => sample.forEach((text) => highlight(text, '机器人 视频 learning')));

  return {
    corpus_mb: round(size),
    warm_up_ms: round(warmUp * 1000),
    analyse_mb_per_s: round(size / analyseSeconds),
    canonicalise_mb_per_s: round(size / canonicaliseSeconds),
    convert_for_display_mb_per_s: round(size / displaySeconds),
    analyse_query_ms: round((querySeconds * 1000) / (50 * queries.length)),
    highlight_ms_per_2k_chars: round((highlightSeconds * 1000) / sample.length),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
