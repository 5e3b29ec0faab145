import { describe, expect, it } from 'vitest';
import { checkOutbound, scanOutbound } from './privacy.service.ts';
import { configurePrivacyKeys, newAgreementSecret, openAgreementSecret, sealAgreementSecret } from './privacy.keys.ts';
import { pseudonymise } from '../../../lib/deid/pseudonymise.ts';

describe('the outbound check', () => {
  it('lets de-identified rows through (pseudonyms, bands, districts)', async () => {
    const rows = [{ 学号: pseudonymise('STUDENT_ID', 'S2026001', 'k'.repeat(32)), 年龄: '15-19', 地区: '广州市', 成绩: 88 }];
    await expect(checkOutbound({ rows })).resolves.toMatchObject({ ok: true });
  });

  it('stops a table with a phone column and names the column, not the values', async () => {
    const rows = [
      { 年龄: '15-19', 电话: '13800138000' },
      { 年龄: '15-19', 电话: '13900139000' },
    ];
    const err = (await checkOutbound({ rows }).then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; errors: unknown[]; message: string };
    expect(err.code).toBe('OUTBOUND_PII_BLOCKED');
    expect(err.errors).toEqual([{ path: '电话', code: 'outbound_pii', message: 'PHONE found 2 time(s) in 电话' }]);
    expect(JSON.stringify(err) + err.message).not.toContain('13800138000');
  });

  it('walks JSON payloads such as an AI prompt or a federation feed item', async () => {
    const report = await scanOutbound({ messages: [{ role: 'user', content: '請幫我寫信給家長陳大文' }] });
    expect(report.findings).toEqual([{ path: 'messages[0].content', type: 'PERSON', count: 1 }]);
    await expect(checkOutbound('no personal data here')).resolves.toMatchObject({ ok: true });
  });
});

describe('agreement secrets at rest', () => {
  it('seal and open with the node key, bound to the agreement id', () => {
    configurePrivacyKeys('s'.repeat(40));
    const secret = newAgreementSecret();
    const sealed = sealAgreementSecret('a1', secret);
    expect(sealed).not.toContain(secret.toString('base64url'));
    expect(openAgreementSecret('a1', sealed).equals(secret)).toBe(true);
    expect(() => openAgreementSecret('a2', sealed)).toThrow();
    configurePrivacyKeys('t'.repeat(40));
    expect(() => openAgreementSecret('a1', sealed)).toThrow();
  });
});
