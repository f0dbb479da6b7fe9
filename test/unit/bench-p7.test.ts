import { p7, p99Verdict } from '../../src/tools/bench/scenarios.http';

/** P7's report: every server's peak memory per scenario, the goal judged on ours alone; and P1's tail verdict. */

const peaks = (ours: number, ngql: number, floor: number) =>
  new Map([
    ['ours', ours],
    ['@neo4j/graphql', ngql],
    ['floor', floor],
  ]);

test('the goal is judged on our peak across scenarios, whatever the peers use', () => {
  const within = p7(
    new Map([
      ['P1', peaks(180, 320, 120)],
      ['P2', peaks(195, 410, 150)],
    ]),
  );
  expect(within.verdicts).toEqual([{ goal: 'RSS ≤ 200 MB', met: true, detail: 'peak 195 MB' }]);
  expect(within.measurements).toContainEqual({
    peer: '@neo4j/graphql',
    metric: 'peak RSS during P2',
    value: 410,
    unit: 'MB',
  });
  expect(within.measurements).toHaveLength(6);

  const over = p7(new Map([['P1', peaks(201, 90, 80)]]));
  expect(over.verdicts[0]).toMatchObject({ met: false, detail: 'peak 201 MB' });
});

test('P1’s tail verdict reads as a difference from the floor either way', () => {
  expect(p99Verdict(5)).toEqual({ goal: 'p99 ≤ floor + 2 ms', met: false, detail: 'floor + 5 ms' });
  expect(p99Verdict(2)).toMatchObject({ met: true, detail: 'floor + 2 ms' });
  expect(p99Verdict(-26.3)).toMatchObject({ met: true, detail: '26.3 ms below the floor' });
});
