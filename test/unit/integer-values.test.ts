import neo4j, { Integer } from 'neo4j-driver';
import { integerToPlain } from '../../src/db/values';

/** What the driver itself says: a number when the value is a safe integer, a bigint otherwise. */
const reference = (value: Integer): number | bigint => (value.inSafeRange() ? value.toNumber() : value.toBigInt());

test('integers at the edges of the safe range become numbers inside it and bigints outside it', () => {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  const cases: [bigint, number | bigint][] = [
    [0n, 0],
    [-1n, -1],
    [2n ** 32n, 2 ** 32],
    [-(2n ** 32n), -(2 ** 32)],
    [600_000_000_000n, 600_000_000_000],
    [max, Number.MAX_SAFE_INTEGER],
    [-max, -Number.MAX_SAFE_INTEGER],
    [max + 1n, max + 1n],
    [-max - 1n, -max - 1n],
    [2n ** 63n - 1n, 2n ** 63n - 1n],
    [-(2n ** 63n), -(2n ** 63n)],
  ];
  for (const [value, expected] of cases) expect(integerToPlain(neo4j.int(value.toString()))).toBe(expected);
});

test('every high word around the range boundary converts as the driver does', () => {
  for (const high of [-0x200001, -0x200000, -0x1fffff, -1, 0, 1, 0x1fffff, 0x200000, 0x200001]) {
    for (const low of [0, 1, -1, 0x7fffffff, -0x80000000]) {
      const value = new Integer(low, high);
      expect(integerToPlain(value)).toBe(reference(value));
    }
  }
});
