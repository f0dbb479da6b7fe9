import { shown, summarize } from '../../src/tools/bench/stats';

test('figures are kept exact for the verdicts (the report rounds what it shows)', () => {
  const f = summarize([1.004, 1.001, 1.0049], 3, 0, 1);
  expect(f.mean).toBeCloseTo(1.0033, 4);
  expect(f.p50).toBe(1.004);
  expect(f.p99).toBe(1.0049);
});

test('a figure beside its goal shows enough decimals not to look equal to the goal when it is not', () => {
  expect(shown(1.07, 1.1)).toBe(1.07);
  expect(shown(1.1, 1.1)).toBe(1.1);
  expect(shown(1.104, 1.1)).toBe(1.104);
  expect(shown(1.0999, 1.1)).toBe(1.0999);
  expect(shown(1.4951, 1.5)).toBe(1.495);
  expect(shown(2.0000001, 2)).toBe(2);
});
