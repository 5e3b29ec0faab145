import { describe, expect, it } from 'vitest';
import { isDuration, isIri, isLanguageTag, isMbox, isTimestamp, isUuid } from './formats.ts';

describe('format checks', () => {
  it.each(['PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'PT1H0M0.1S', 'P1D', 'PT0S', 'PT1,5S'])(
    'accepts the ISO 8601 duration %s',
    (d) => expect(isDuration(d)).toBe(true),
  );
  it.each(['P', 'PT', 'P4W1D', 'PA1H0M0S', 'P1DT', 'PT1H2D', '1H', 'P0003-01-29T04:35:59', 'p1d', 'P1.5Y2M'])(
    'refuses the duration %s',
    (d) => expect(isDuration(d)).toBe(false),
  );
  it.each([
    '2024-09-02T09:15:00Z',
    '2024-09-02T09:15:00.123456+08:00',
    '2024-02-29T00:00:00+0800',
    '2024-09-02t09:15:00z',
    '2008-09-15T15:53:00.601+00:00',
    '2008-09-15T15:53:00.601+08',
  ])('accepts the timestamp %s', (t) => expect(isTimestamp(t)).toBe(true));
  it.each([
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-09-02T24:00:00Z',
    '2024-09-02 09:15:00Z',
    '2024-09-02',
    '2024-09-02T09:15:00',
    '2008-09-15T15:53:00.601-00:00',
    '2024-09-02T09:15:00+25:00',
  ])('refuses the timestamp %s', (t) => expect(isTimestamp(t)).toBe(false));
  it('accepts IRIs with non-ASCII characters and refuses values without a scheme', () => {
    expect(isIri('http://example.com/فعل/خواندن')).toBe(true);
    expect(isIri('urn:uuid:0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f')).toBe(true);
    expect(isIri('example.com/verbs/x')).toBe(false);
    expect(isIri('http://example.com/a b')).toBe(false);
    expect(isIri('')).toBe(false);
  });
  it('checks mbox, UUID and language tag forms', () => {
    expect(isMbox('mailto:siuming@example.edu.hk')).toBe(true);
    expect(isMbox('mailto:@example.com')).toBe(false);
    expect(isUuid('0B1F3C7E-5D2A-4C1E-9F7A-1A2B3C4D5E6F')).toBe(true);
    expect(isUuid('0b1f3c7e5d2a4c1e9f7a1a2b3c4d5e6f')).toBe(false);
    expect(isLanguageTag('zh-Hant-MO')).toBe(true);
    expect(isLanguageTag('something')).toBe(false);
    expect(isLanguageTag('')).toBe(false);
  });
});
