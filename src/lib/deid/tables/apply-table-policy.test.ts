import { describe, expect, it } from 'vitest';
import { applyTablePolicy } from './apply-table-policy.ts';
import { columnarRows } from './columnar-table.ts';
import { syntheticStudentRows } from './synthetic-students.ts';
import type { TablePolicy } from './table-policy.ts';
import { verifyKAnonymity, verifyLDiversity } from './verify-k-anonymity.ts';

const secret = 'agreement-key-for-tests-only';
const rows = syntheticStudentRows(3_000, 5);

const policy: TablePolicy = {
  k: 5,
  l: 2,
  sensitive: '健康状况',
  columns: {
    学号: { role: 'direct_identifier', operator: 'pseudonym', entity: 'STUDENT_ID' },
    姓名: { role: 'direct_identifier', operator: 'drop' },
    年龄: { role: 'quasi_identifier', operator: 'generalise', kind: 'number', band: 5 },
    性别: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: ['男', '女'] },
    出生日期: { role: 'quasi_identifier', operator: 'generalise', kind: 'date', band: 'year' },
    地区: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: 'gba-geography' },
    年级: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: 'grade' },
    健康状况: { role: 'sensitive', operator: 'keep' },
    成绩: { role: 'sensitive', operator: 'keep' },
  },
};

describe('applyTablePolicy', () => {
  it('drops, pseudonymises and generalises as the policy says, reaching k = 5 and l = 2', async () => {
    const out = await applyTablePolicy(rows, policy, { secret });
    const published = [...columnarRows(out.table, out.keep)];
    expect(out.table.columns).toEqual(['学号', '年龄', '性别', '出生日期', '地区', '年级', '健康状况', '成绩']);
    expect(out.dropped).toEqual(['姓名', '学校类型']); // 学校类型 is not in the policy: dropped by default
    expect(published[0]['学号']).toMatch(/^STUDENT_ID_[A-Z0-9]{10}$/);
    expect(verifyKAnonymity(published, out.quasi, 5).ok).toBe(true);
    expect(verifyLDiversity(published, out.quasi, '健康状况', 2).ok).toBe(true);
    expect(out.risk.maxRisk).toBeLessThanOrEqual(0.2);
    expect(out.utility?.suppressed).toBe(0);
  });

  it('without k, generalises each value at a fixed band or tree level', async () => {
    const out = await applyTablePolicy(
      [
        { 年龄: 12, 地区: '天河区', 电话: '13800138000' },
        { 年龄: 17, 地区: '沙田區', 电话: '13900139000' },
      ],
      {
        columns: {
          年龄: { role: 'quasi_identifier', operator: 'generalise', kind: 'number', band: 10 },
          地区: { role: 'quasi_identifier', operator: 'generalise', kind: 'tree', hierarchy: 'gba-geography', level: 2 },
          电话: { role: 'direct_identifier', operator: 'mask', keepStart: 3, keepEnd: 2 },
        },
      },
    );
    expect([...columnarRows(out.table, out.keep)]).toEqual([
      { 年龄: '10-19', 地区: '广州市', 电话: '138******00' },
      { 年龄: '10-19', 地区: '新界', 电话: '139******00' },
    ]);
    expect(out.risk).toMatchObject({ classes: 2, smallestClass: 1 });
  });

  it('redacts whole cells, or only the detected spans of free text', async () => {
    const detector = (t: string) =>
      [...t.matchAll(/1[3-9]\d{9}/g)].map((m) => ({ type: 'PHONE', start: m.index!, end: m.index! + 11, score: 1 }));
    const out = await applyTablePolicy(
      [{ 评语: '请致电 13800138000 联系家长', 备注: '转学' }],
      {
        columns: {
          评语: { role: 'other', operator: 'redact', mode: 'spans' },
          备注: { role: 'other', operator: 'redact' },
        },
      },
      { detector },
    );
    expect([...columnarRows(out.table)]).toEqual([{ 评语: '请致电 [PHONE] 联系家长', 备注: '[REDACTED]' }]);
  });

  it('refuses a pseudonym column without a secret, and kept quasi-identifiers under k', async () => {
    await expect(applyTablePolicy(rows, policy)).rejects.toThrow(/secret/);
    await expect(applyTablePolicy(rows, { k: 5, columns: { 年龄: { role: 'quasi_identifier', operator: 'keep' } } })).rejects.toThrow(
      /generalised or dropped/,
    );
    await expect(applyTablePolicy(rows, { columns: { 身高: { role: 'other', operator: 'keep' } } })).rejects.toThrow(/身高/);
  });
});
