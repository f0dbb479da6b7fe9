import { parse } from 'graphql';
import { CostMemo } from '../../src/server/plugins/cost-memo';

const query = parse(`
  query Look($id: ID!, $n: Int = 5, $withScore: Boolean!) {
    entity(id: $id) { id }
    search(query: "x", first: $n) { score @include(if: $withScore) ...F }
  }
  fragment F on SearchHit { entity { relationships(last: $m) { totalCount } } }
`);

/** A memo whose estimates count how often they really ran. */
function counting() {
  const memo = new CostMemo();
  let runs = 0;
  const cost = (vars: Record<string, unknown>, value = 1) =>
    memo.cost(query, 'Look', vars, () => {
      runs += 1;
      return value;
    });
  return { cost, runs: () => runs };
}

test('variables that no estimate reads share one analysis', () => {
  const m = counting();
  for (const id of ['kt', 'naver', 'kaist']) m.cost({ id, n: 5, withScore: true });
  expect(m.runs()).toBe(1);
});

test('a list size, a @skip/@include condition or a fragment size is a different analysis', () => {
  const m = counting();
  m.cost({ id: 'kt', n: 5, withScore: true, m: 1 });
  m.cost({ id: 'kt', n: 50, withScore: true, m: 1 });
  m.cost({ id: 'kt', n: 50, withScore: false, m: 1 });
  m.cost({ id: 'kt', n: 50, withScore: false, m: 2 });
  expect(m.runs()).toBe(4);
  m.cost({ id: 'naver', n: 5, withScore: true, m: 1 });
  expect(m.runs()).toBe(4);
});

test('an absent size and a null one are different analyses (an absent one takes its default)', () => {
  const m = counting();
  m.cost({ id: 'kt', withScore: true });
  m.cost({ id: 'kt', n: null, withScore: true });
  m.cost({ id: 'kt', n: 5, withScore: true });
  expect(m.runs()).toBe(3);
  m.cost({ id: 'naver', withScore: true });
  expect(m.runs()).toBe(3);
});

test('an estimate that throws (a bad variable) is not remembered', () => {
  const memo = new CostMemo();
  const refuse = () => {
    throw new Error('bad variable');
  };
  expect(() => memo.cost(query, 'Look', { n: 'five' }, refuse)).toThrow('bad variable');
  expect(memo.cost(query, 'Look', { n: 'five' }, () => 7)).toBe(7);
});

test('a remembered cost is the one first estimated', () => {
  const m = counting();
  expect(m.cost({ n: 7 }, 42)).toBe(42);
  expect(m.cost({ n: 7 }, 99)).toBe(42);
  expect(m.cost({ n: 8 }, 99)).toBe(99);
});
