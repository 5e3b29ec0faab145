import { describe, expect, it } from 'vitest';
import { parseXapiVersion, XAPI_VERSION } from './version-header.ts';

describe('X-Experience-API-Version', () => {
  it('answers with 1.0.3', () => expect(XAPI_VERSION).toBe('1.0.3'));
  it.each([
    ['1.0.0', '1.0.0'],
    ['1.0.1', '1.0.1'],
    ['1.0.2', '1.0.2'],
    ['1.0.3', '1.0.3'],
    ['1.0', '1.0.0'],
    ['1.0.7', '1.0.7'],
    [' 1.0.3 ', '1.0.3'],
  ])('accepts %s as %s', (header, version) => expect(parseXapiVersion(header)).toEqual({ ok: true, value: version }));
  it.each([[undefined], ['0.9'], ['0.95'], ['1.1.0'], ['2.0.0'], ['1'], ['latest'], ['']])('refuses %s with a message', (header) => {
    const result = parseXapiVersion(header);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('X-Experience-API-Version');
  });
  it('refuses a repeated header', () => expect(parseXapiVersion(['1.0.3', '1.0.3']).ok).toBe(false));
});
