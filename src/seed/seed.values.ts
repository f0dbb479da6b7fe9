import type { PropertyType } from '../graph/ontology';
import type { RawPropertyValue } from './seed.schema';
import type { PlainValue } from './seed.types';
import { isIsoDate } from './time';

/** A converted property value, or why the raw value does not fit the ontology's type. */
export type ValueResult = { ok: true; value: PlainValue } | { ok: false; message: string };

/** Neo4j INTEGER is a signed 64-bit integer. */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_INTEGER = /^-?\d+$/;
/**
 * ISO 8601 date-time with an explicit offset (a quote time without one is ambiguous):
 * YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM).
 */
const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
const MAX_SECOND = 59;
/** Real-world UTC offsets lie within ±14:00. */
const MAX_OFFSET_HOURS = 14;

const ok = (value: PlainValue): ValueResult => ({ ok: true, value });
const fail = (message: string): ValueResult => ({ ok: false, message });

function describe(raw: RawPropertyValue): string {
  return Array.isArray(raw) ? 'an array' : `${typeof raw} ${JSON.stringify(raw)}`;
}

function toInt(raw: RawPropertyValue): ValueResult {
  let value: bigint;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return fail(`expected an integer, got ${raw}`);
    if (!Number.isSafeInteger(raw)) {
      return fail(`${raw} is not a safe integer; write large integers as decimal strings`);
    }
    value = BigInt(raw);
  } else if (typeof raw === 'string' && DECIMAL_INTEGER.test(raw)) {
    value = BigInt(raw);
  } else {
    return fail(`expected an integer (number or decimal string), got ${describe(raw)}`);
  }
  if (value < INT64_MIN || value > INT64_MAX) return fail(`${value} does not fit a 64-bit integer`);
  return ok(value);
}

export function isIsoDateTime(value: string): boolean {
  const match = DATETIME.exec(value);
  if (!match) return false;
  const [, date = '', hour, minute, second = '0', zone, offsetHours = '0', offsetMinutes = '0'] = match;
  return (
    isIsoDate(date) &&
    Number(hour) <= MAX_HOUR &&
    Number(minute) <= MAX_MINUTE &&
    Number(second) <= MAX_SECOND &&
    (zone === 'Z' || (Number(offsetHours) <= MAX_OFFSET_HOURS && Number(offsetMinutes) <= MAX_MINUTE))
  );
}

function toString(raw: RawPropertyValue): ValueResult {
  if (typeof raw !== 'string') return fail(`expected a string, got ${describe(raw)}`);
  return raw === '' ? fail('must not be empty') : ok(raw);
}

function toStringArray(raw: RawPropertyValue): ValueResult {
  if (!Array.isArray(raw)) return fail(`expected an array of strings, got ${describe(raw)}`);
  if (raw.some((item) => item === '')) return fail('must not contain empty strings');
  return ok([...new Set(raw)]);
}

/** Converts a raw seed value to the plain JS value the loader expects for `type`. */
export function convertValue(type: PropertyType, raw: RawPropertyValue): ValueResult {
  switch (type) {
    case 'string':
      return toString(raw);
    case 'string[]':
      return toStringArray(raw);
    case 'int':
      return toInt(raw);
    case 'float':
      return typeof raw === 'number' && Number.isFinite(raw)
        ? ok(raw)
        : fail(`expected a finite number, got ${describe(raw)}`);
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : fail(`expected true or false, got ${describe(raw)}`);
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw)
        ? ok(raw)
        : fail(`expected a calendar date YYYY-MM-DD, got ${describe(raw)}`);
    case 'datetime':
      return typeof raw === 'string' && isIsoDateTime(raw)
        ? ok(raw)
        : fail(`expected an ISO 8601 date-time with offset, got ${describe(raw)}`);
  }
}
