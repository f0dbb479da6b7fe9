/**
 * Times as the article states them ("연내", "올 하반기", "24일" ...), written in the seed as one of
 *   YYYY | YYYY-MM | YYYY-MM-DD | YYYY-H1 | YYYY-H2 | YYYY-Q1 .. YYYY-Q4
 * and expanded to the calendar days they cover.
 */

/** A stated time and its first and last day ('YYYY-MM-DD', inclusive). */
export interface TimeSpan {
  time: string;
  validFrom: string;
  validTo: string;
}

const MONTHS_PER_YEAR = 12;
/** Months in a half-year (H1 = Jan–Jun, H2 = Jul–Dec). */
const MONTHS_PER_HALF = 6;
/** Months in a quarter (Q1 = Jan–Mar ... Q4 = Oct–Dec). */
const MONTHS_PER_QUARTER = 3;
/** Days per month in a common year; February gains a day in leap years. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const FEBRUARY = 2;

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HALF = /^(\d{4})-H(\d)$/;
const QUARTER = /^(\d{4})-Q(\d)$/;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) throw new RangeError(`month ${month} is not 1-12`);
  return month === FEBRUARY && isLeapYear(year) ? days + 1 : days;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The span from the first day of `firstMonth` to the last day of `lastMonth` in `year`. */
function monthRange(time: string, year: number, firstMonth: number, lastMonth: number): TimeSpan {
  return {
    time,
    validFrom: isoDate(year, firstMonth, 1),
    validTo: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

function checkMonth(month: number, value: string): void {
  if (month < 1 || month > MONTHS_PER_YEAR) throw new RangeError(`"${value}": month must be 01-12`);
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD' (2021-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= MONTHS_PER_YEAR && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses a stated time into the days it covers; throws a RangeError naming the problem when the
 * string is not one of the accepted forms or is not a real date (2021-13, 2021-02-30, 2021-H3).
 */
export function parseTime(value: string): TimeSpan {
  const year = YEAR.exec(value);
  if (year) return monthRange(value, Number(year[1]), 1, MONTHS_PER_YEAR);

  const month = MONTH.exec(value);
  if (month) {
    const m = Number(month[2]);
    checkMonth(m, value);
    return monthRange(value, Number(month[1]), m, m);
  }

  if (DATE.test(value)) {
    if (!isIsoDate(value)) throw new RangeError(`"${value}" is not a calendar date`);
    return { time: value, validFrom: value, validTo: value };
  }

  const half = HALF.exec(value);
  if (half) {
    const h = Number(half[2]);
    if (h < 1 || h > 2) throw new RangeError(`"${value}": half must be H1 or H2`);
    const last = h * MONTHS_PER_HALF;
    return monthRange(value, Number(half[1]), last - MONTHS_PER_HALF + 1, last);
  }

  const quarter = QUARTER.exec(value);
  if (quarter) {
    const q = Number(quarter[2]);
    if (q < 1 || q > 4) throw new RangeError(`"${value}": quarter must be Q1-Q4`);
    const last = q * MONTHS_PER_QUARTER;
    return monthRange(value, Number(quarter[1]), last - MONTHS_PER_QUARTER + 1, last);
  }

  throw new RangeError(`"${value}" is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2 or YYYY-Q1..Q4`);
}
