import { p7 } from '../../src/tools/bench/scenarios.http';

/** P7's report: every server's peak memory per scenario, the goal judged on ours alone. */

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
