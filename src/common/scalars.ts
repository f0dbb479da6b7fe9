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
