import { GraphQLDate, GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { BigIntScalar } from './bigint.scalar';

/**
 * The API's scalars. Dates, date-times and JSON objects come from graphql-scalars; `BigInt`
 * (every 64-bit count) is ours, see bigint.scalar.ts for why.
 */
export { BigIntScalar };
export const DateScalar = GraphQLDate;
export const DateTimeScalar = GraphQLDateTimeISO;
export const JSONObjectScalar = GraphQLJSONObject;

/** The `Date` scalar parses to a JS Date (UTC midnight); Cypher parameters want its 'YYYY-MM-DD'. */
export function isoDay(value: string | Date): string;
export function isoDay(value: string | Date | null | undefined): string | null;
export function isoDay(value: string | Date | null | undefined): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}
