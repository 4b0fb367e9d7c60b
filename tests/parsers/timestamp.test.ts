import { describe, expect, it } from 'vitest';
import { formatStamp, parseStamp } from '../../shared/records/timestamp.ts';

describe('parseStamp', () => {
  // Expected values are Date.UTC(...) of the wall-clock plus the fraction in ms.
  const valid: [string, number][] = [
    ['2018-05-04 08:02:36.593144', Date.UTC(2018, 4, 4, 8, 2, 36) + 593.144],
    ['2019-07-26 11:37:22,674', Date.UTC(2019, 6, 26, 11, 37, 22) + 674],
    ['2012-10-18 08:21:25', Date.UTC(2012, 9, 18, 8, 21, 25)],
    ['2013-3-24 12:15:5.201', Date.UTC(2013, 2, 24, 12, 15, 5) + 201],
    ['2013-03-24 12:15:05.2010', Date.UTC(2013, 2, 24, 12, 15, 5) + 201],
    ['2013-03-24T12:15:05.201', Date.UTC(2013, 2, 24, 12, 15, 5) + 201],
    ['2020-02-29 23:59:59.999999', Date.UTC(2020, 1, 29, 23, 59, 59) + 999.999],
    ['2020-01-01 00:00:00.123456789', Date.UTC(2020, 0, 1) + 123.456],
    ['10:59:17.592835', Date.UTC(1970, 0, 1, 10, 59, 17) + 592.835],
    ['5:3:9', Date.UTC(1970, 0, 1, 5, 3, 9)],
    ['1969-12-31 23:59:59.5', Date.UTC(1969, 11, 31, 23, 59, 59) + 500],
  ];
  it.each(valid)('reads %s as the wall-clock in UTC', (text, expected) => {
    expect(parseStamp(text)).toBeCloseTo(expected, 6);
  });

  const invalid = [
    'not a time', '', '2019-13-01 00:00:00', '2019-02-29 00:00:00', '2019-04-31 00:00:00',
    '2019-01-01 24:00:00', '2019-01-01 00:60:00', '2019-01-01 00:00:60', '2019-01-01', '19-01-01 00:00:00',
    '2019-01-01 00:00:00.', '2019-01-01 00:00:00.12x', '2019-01-01  00:00:00', '12:00', '2019-01-01 00:00:00 UTC',
  ];
  it.each(invalid)('rejects %j with NaN', (text) => {
    expect(parseStamp(text)).toBeNaN();
  });
});

describe('formatStamp', () => {
  it('writes microseconds in the miros style and reads back to the same instant', () => {
    const stamps = ['2018-05-04 08:02:36.593144', '2019-02-23 08:08:34.000001', '1999-12-31 23:59:59.999999'];
    expect(stamps.map((s) => formatStamp(parseStamp(s)))).toEqual(stamps);
  });

  it('writes the logging and time-only styles', () => {
    const t = parseStamp('2019-07-26 11:37:22.674912');
    expect([formatStamp(t, 'logging'), formatStamp(t, 'time')]).toEqual([
      '2019-07-26 11:37:22,674',
      '11:37:22.674912',
    ]);
  });

  it('writes a time-only stamp back on the 1970-01-01 date it was read as', () => {
    expect(formatStamp(parseStamp('10:59:17.592835'))).toBe('1970-01-01 10:59:17.592835');
  });
});
