import { describe, expect, it } from 'vitest';
import { GBA_GEOGRAPHY } from './gba-geography.ts';
import { gradeHierarchy } from './grade-hierarchy.ts';
import { extendHierarchy, flatHierarchy, hierarchyFromEdges, lcaOfLeaves, treeHierarchy } from './hierarchy.ts';

const lca = (h: ReturnType<typeof treeHierarchy>, a: string, b: string) => {
  const [x, y] = [h.leafIndex.get(a)!, h.leafIndex.get(b)!].sort((p, q) => p - q);
  return h.labels[lcaOfLeaves(h, x, y)];
};

describe('generalisation hierarchies', () => {
  const geo = treeHierarchy(GBA_GEOGRAPHY);

  it('generalises districts to their city, jurisdiction, then *', () => {
    expect(lca(geo, '天河区', '越秀区')).toBe('广州市');
    expect(lca(geo, '天河区', '南山区')).toBe('广东省');
    expect(lca(geo, '沙田區', '中西區')).toBe('香港特別行政區');
    expect(lca(geo, '天河区', '嘉模堂區')).toBe('*');
    expect(lca(geo, '天河区', '天河区')).toBe('天河区');
  });

  it('generalises grades of the three school systems to their stage', () => {
    const g = gradeHierarchy();
    expect(lca(g, '初一', 'S3')).toBe('junior');
    expect(lca(g, '七年级', '中二')).toBe('junior');
    expect(lca(g, 'P1', '六年級')).toBe('primary');
    expect(lca(g, '高三', 'S4')).toBe('senior');
    expect(lca(g, 'P6', 'S1')).toBe('*');
  });

  it('builds the same tree from (child, parent) pairs', () => {
    const h = hierarchyFromEdges([
      ['天河区', '广州市'],
      ['越秀区', '广州市'],
      ['南山区', '深圳市'],
      ['广州市', '广东省'],
      ['深圳市', '广东省'],
    ]);
    expect(lca(h, '天河区', '南山区')).toBe('广东省');
    expect(h.leafCount).toBe(3);
  });

  it('places unknown values under the root and already-generalised values under their node', () => {
    const h = extendHierarchy(geo, ['火星区', '广州市']);
    expect(lca(h, '火星区', '火星区')).toBe('火星区');
    expect(lca(h, '火星区', '天河区')).toBe('*');
    expect(lca(h, '广州市', '天河区')).toBe('广州市');
  });

  it('rejects a tree in which a value names two places', () => {
    expect(() => treeHierarchy({ 甲市: ['城区'], 乙市: ['城区'] })).toThrow(/twice/);
  });

  it('treats a flat list as one level under *', () => {
    const h = flatHierarchy(['男', '女']);
    expect(lca(h, '男', '女')).toBe('*');
    expect(h.maxDepth).toBe(1);
  });
});
