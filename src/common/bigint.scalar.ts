import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * `BigInt`: a signed 64-bit integer (Neo4j INTEGER). Parameter counts pass 2^31 (6000억 =
 * 600,000,000,000), so they never travel as GraphQL `Int`.
 *
 * Output: a JSON number while the value is a safe integer (|v| <= 2^53 - 1, exact in every JSON
 * parser), a decimal string beyond that, never a rounded float. Input: an integer literal, or a
 * number or decimal string in variables. This is graphql-scalars' BigInt wire format; we define it
 * here because that scalar needs a global BigInt.prototype.toJSON patch for values beyond 2^53 and
 * warns on the console without one.
 */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

function toBigInt(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return BigInt(value);
  return null;
}

function checked(value: unknown, node?: ValueNode): bigint {
  const big = toBigInt(value);
  if (big === null || big < INT64_MIN || big > INT64_MAX) {
    throw new GraphQLError(`BigInt must be a 64-bit integer (a number, or a decimal string): ${String(value)}`, {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return big;
}

/** Safe integers come back as numbers (services accept number | bigint), larger ones as bigint. */
function narrow(big: bigint): number | bigint {
  return big >= SAFE_MIN && big <= SAFE_MAX ? Number(big) : big;
}

export const BigIntScalar = new GraphQLScalarType<number | bigint, number | string>({
  name: 'BigInt',
  description:
    'A signed 64-bit integer: a JSON number while it is a safe integer (|n| < 2^53), a decimal string beyond.',
  serialize(value) {
    const big = checked(value);
    const out = narrow(big);
    return typeof out === 'bigint' ? out.toString() : out;
  },
  parseValue(value) {
    return narrow(checked(value));
  },
  parseLiteral(node) {
    if (node.kind !== Kind.INT && node.kind !== Kind.STRING) {
      throw new GraphQLError('BigInt must be an integer literal or a decimal string', {
        nodes: node,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return narrow(checked(node.value, node));
  },
});
