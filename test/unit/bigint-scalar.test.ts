import { parse } from 'graphql';
import { BigIntScalar } from '../../src/common/bigint.scalar';

test('1,000,000,000,000 and 6000억 round-trip exactly as numbers', () => {
  for (const n of [1_000_000_000_000, 600_000_000_000, 173_000_000_000]) {
    expect(BigIntScalar.serialize(n)).toBe(n);
    expect(BigIntScalar.parseValue(n)).toBe(n);
    expect(BigIntScalar.parseValue(String(n))).toBe(n);
  }
});

test('beyond 2^53 values travel as exact decimal strings, up to the int64 limits', () => {
  expect(BigIntScalar.serialize(9_007_199_254_740_993n)).toBe('9007199254740993');
  expect(BigIntScalar.parseValue('9223372036854775807')).toBe(9_223_372_036_854_775_807n);
  const literal = parse('{ f(x: 9223372036854775807) }').definitions[0] as any;
  const node = literal.selectionSet.selections[0].arguments[0].value;
  expect(BigIntScalar.parseLiteral(node)).toBe(9_223_372_036_854_775_807n);
});

test('fractions, unsafe floats, overflow and junk are refused with BAD_USER_INPUT', () => {
  for (const bad of [1.5, 2 ** 60, '9223372036854775808', '12abc', '', true, null]) {
    expect(() => BigIntScalar.parseValue(bad)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  }
});
