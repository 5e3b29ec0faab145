import { describe, expect, it } from 'vitest';
import { redactSpans } from './cell-operators.ts';

describe('span redaction in table cells', () => {
  it('replaces detected spans with their type and merges overlaps', () => {
    const detector = () => [
      { type: 'PHONE', start: 4, end: 15, score: 1 },
      { type: 'PERSON', start: 0, end: 2, score: 1 },
      { type: 'X', start: 5, end: 8, score: 1 },
    ];
    expect(redactSpans('陈明电话13800138000。', detector)).toBe('[PERSON]电话[PHONE]。');
  });

  it('leaves text without detections unchanged', () => {
    expect(redactSpans('表现良好', () => [])).toBe('表现良好');
  });
});
