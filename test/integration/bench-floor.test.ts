import { setMaxPageSize } from '../../src/common/paging';
import {
  neighborhoodStatement,
  p1Statement,
  p2Statement,
  p3Statement,
  pathStatement,
} from '../../src/tools/bench/floor.cypher';
import { OURS } from '../../src/tools/bench/queries';
import { createHarness, type Harness } from '../support/harness';

/**
 * The benchmark's floor claims to run exactly the Cypher our API runs: each scenario's operation
 * goes through the API here, and the statement it sent must equal the floor's, text and values.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  setMaxPageSize(10_000);
});
afterAll(async () => {
  setMaxPageSize(500);
  await h.close();
});

const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));

test.each([
  ['P1', OURS.p1, { id: 'naver' }, p1Statement('naver')],
  ['P2', OURS.p2, { ids: ['naver', 'kt'] }, p2Statement(['naver', 'kt'])],
  ['P3', OURS.p3, { size: 10_000 }, p3Statement(10_000)],
  ['P4 k-hop', OURS.khop, { id: 'naver', depth: 2, limit: 500 }, neighborhoodStatement('naver', 2, 500)],
  ['P4 path', OURS.path, { from: 'naver', to: 'kaist' }, pathStatement('naver', 'kaist')],
])('%s: the floor sends the statement the API sends', async (_name, query, variables, floor) => {
  const { result, queries } = await h.countQueries(() => h.gql(query, variables));
  expect(result.errors).toBeUndefined();
  expect(queries).toHaveLength(1);
  expect(queries[0]?.cypher).toBe(floor.cypher);
  expect(plain(queries[0]?.params)).toEqual(plain(floor.params));
});
