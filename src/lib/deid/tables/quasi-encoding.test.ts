import { describe, expect, it } from 'vitest';
import { dictColumnOf } from './columnar-table.ts';
import { labelOf } from './generalised-label.ts';
import { encodeQuasi, parseDay } from './quasi-encoding.ts';

describe('quasi-identifier encoding and labels', () => {
  it('reads dates in the forms used across the three jurisdictions', () => {
    const day = Date.UTC(2012, 2, 4) / 86_400_000;
    for (const text of ['2012-03-04', '2012/3/4', '2012.03.04', '20120304', '2012年3月4日']) expect(parseDay(text)).toBe(day);
    expect(parseDay(new Date(Date.UTC(2012, 2, 4)))).toBe(day);
    expect(parseDay('2012-02-30')).toBeNaN();
    expect(parseDay('不详')).toBeNaN();
  });

  it('orders numbers and renders ranges snapped to bands', () => {
    const dim = encodeQuasi(dictColumnOf([12, 7, 13, 12, 19]), { column: 'age', kind: 'number', band: 5 });
    expect([...dim.codes]).toEqual([1, 0, 2, 1, 3]);
    expect(labelOf(dim, 1, 2).label).toBe('10-14');
    expect(labelOf(dim, 0, 3).label).toBe('5-19');
    const exact = encodeQuasi(dictColumnOf([12, 7, 13]), { column: 'age', kind: 'number' });
    expect(labelOf(exact, 0, 2)).toMatchObject({ label: '7-13', ncp: 1 });
    expect(labelOf(exact, 1, 1)).toMatchObject({ label: '12', ncp: 0 });
  });

  it('renders date ranges as months, years or month spans', () => {
    const dim = encodeQuasi(dictColumnOf(['2012-03-02', '2012-03-28', '2012-08-01', '2013-12-31', '2012-01-01']), {
      column: 'dob',
      kind: 'date',
    });
    const code = (t: string) => dim.codes[['2012-03-02', '2012-03-28', '2012-08-01', '2013-12-31', '2012-01-01'].indexOf(t)];
    expect(labelOf(dim, code('2012-03-02'), code('2012-03-28')).label).toBe('2012-03');
    expect(labelOf(dim, code('2012-03-02'), code('2012-08-01')).label).toBe('2012-03..2012-08');
    expect(labelOf(dim, code('2012-01-01'), code('2013-12-31')).label).toBe('2012..2013');
  });

  it('keeps missing values apart and shows a mixed class as *', () => {
    const dim = encodeQuasi(dictColumnOf([null, 12, '', 15]), { column: 'age', kind: 'number' });
    expect(dim.kind === 'ordered' && dim.hasMissing).toBe(true);
    expect(labelOf(dim, 0, 0).label).toBe('');
    expect(labelOf(dim, 0, 2).label).toBe('*');
  });
});
