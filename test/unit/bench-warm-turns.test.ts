import { warmInTurns, type WarmRule } from '../../src/tools/bench/warm-turns';
import type { Target } from '../../src/tools/bench/load';

/**
 * P4's warm-up: untimed passes, the peers taking turns, until each has stopped getting faster.
 * The passes' mean latencies are given, so the counts are exact and free of the machine's noise.
 */

const peer = (name: string) => ({ target: { url: `http://${name}/`, body: () => '{}' } });
const rule: WarmRule = { minPasses: 5, maxSeconds: 30, tolerance: 0.05 };

/** Each peer's pass means in order (the last repeated), and the order the passes ran in. */
function fed(means: Record<string, number[]>) {
  const order: string[] = [];
  const next = new Map(Object.entries(means).map(([name, list]) => [name, [...list]]));
  const runPass = async (target: Target) => {
    const name = new URL(target.url).hostname;
    order.push(name);
    const list = next.get(name) as number[];
    return list.length > 1 ? (list.shift() as number) : (list[0] as number);
  };
  return { order, runPass };
}

test('peers already steady are warmed for the least number of passes, taking turns', async () => {
  const { order, runPass } = fed({ a: [2.0, 2.05, 1.98], b: [1.5] });
  const warmed = await warmInTurns([peer('a'), peer('b')], 200, rule, runPass);
  expect(warmed).toMatchObject({ passes: 5, steady: true });
  expect(order.join('')).toBe('ababababab');
});

test('one peer still getting faster keeps every peer warming until it is steady too', async () => {
  // a gets more than 5% faster through its seventh pass; then two passes within 5% of its best.
  const { order, runPass } = fed({ a: [10, 9, 8, 7, 6, 5, 4, 3.9, 4.1], b: [1.5] });
  const warmed = await warmInTurns([peer('a'), peer('b')], 200, rule, runPass);
  expect(warmed).toMatchObject({ passes: 9, steady: true });
  expect(order.join('')).toBe('ab'.repeat(9));
});

test('a pass clearly faster than the best starts the count again', async () => {
  const { runPass } = fed({ a: [5, 5, 5, 5, 4, 4, 4], b: [1] });
  const warmed = await warmInTurns([peer('a'), peer('b')], 200, rule, runPass);
  expect(warmed).toMatchObject({ passes: 7, steady: true });
});

/** A clock that a pass moves on by `passMs`, and passes that keep getting 20% faster: never steady. */
function neverSteady(passMs: number) {
  let clock = 0;
  let mean = 100;
  const runPass = async () => {
    clock += passMs;
    return (mean *= 0.8);
  };
  return { runPass, now: () => clock };
}

test('a peer that never settles is warmed until the next turn would end past the bound, and said not to be steady', async () => {
  // Two peers, 20 ms a pass: turns of 40 ms. After the seventh (280 ms), an eighth would end at 320.
  const { runPass, now } = neverSteady(20);
  const warmed = await warmInTurns([peer('a'), peer('b')], 200, { ...rule, maxSeconds: 0.3 }, runPass, now);
  expect(warmed).toEqual({ passes: 7, steady: false, seconds: 0.28 });
});

test('the bound wins over the least number of passes, after one pass each', async () => {
  const { runPass, now } = neverSteady(100);
  const warmed = await warmInTurns([peer('a'), peer('b')], 200, { ...rule, maxSeconds: 0.3 }, runPass, now);
  expect(warmed).toEqual({ passes: 1, steady: false, seconds: 0.2 });
});
