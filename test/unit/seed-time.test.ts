import { isIsoDate, parseTime } from '../../src/seed/time';

describe('parseTime', () => {
  it.each([
    ['2021', '2021-01-01', '2021-12-31'],
    ['2021-05', '2021-05-01', '2021-05-31'],
    ['2020-04', '2020-04-01', '2020-04-30'],
    ['2021-02', '2021-02-01', '2021-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2021-05-24', '2021-05-24', '2021-05-24'],
    ['2024-02-29', '2024-02-29', '2024-02-29'],
    ['2021-H1', '2021-01-01', '2021-06-30'],
    ['2021-H2', '2021-07-01', '2021-12-31'],
    ['2022-H1', '2022-01-01', '2022-06-30'],
    ['2021-Q1', '2021-01-01', '2021-03-31'],
    ['2021-Q2', '2021-04-01', '2021-06-30'],
    ['2021-Q3', '2021-07-01', '2021-09-30'],
    ['2021-Q4', '2021-10-01', '2021-12-31'],
  ])('%s covers %s .. %s', (time, validFrom, validTo) => {
    expect(parseTime(time)).toEqual({ time, validFrom, validTo });
  });

  it.each([
    '2021-13',
    '2021-00',
    '2021-02-30',
    '2023-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-05-00',
    '2021-H0',
    '2021-H3',
    '2021-Q0',
    '2021-Q5',
    '2021-5',
    '21',
    '',
    ' 2021',
    '2021-05-24T10:39',
    'next year',
  ])('rejects %j', (time) => {
    expect(() => parseTime(time)).toThrow(RangeError);
  });

  it('names the bad value in the error', () => {
    expect(() => parseTime('2021-13')).toThrow(/2021-13/);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2021-05-25')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2021-02-30')).toBe(false);
    expect(isIsoDate('2021-5-25')).toBe(false);
    expect(isIsoDate('2021-05')).toBe(false);
  });
});
