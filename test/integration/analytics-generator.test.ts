import { syntheticGraph } from '../../src/analytics/synthetic';
import { countNamespace, deleteNamespace, writeSyntheticBatch } from '../../src/analytics/synthetic.writer';
import { missingProcedures } from '../../src/analytics/procedures.check';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

let h: Harness;
const ns = uniquePrefix('gen');
const ENTITIES = 2000;

beforeAll(async () => {
  h = await createHarness();
  for (const batch of syntheticGraph(ns, ENTITIES, 3, 500)) await writeSyntheticBatch(h.executor, ns, batch);
});

afterAll(async () => {
  await deleteNamespace(h.executor, ns);
  await h.close();
});

test('the start-up check finds every GDS and APOC procedure it needs', async () => {
  expect(await missingProcedures(h.executor)).toEqual([]);
});

test('a generated graph lives in its namespace, apart from the article graph', async () => {
  expect(await countNamespace(h.executor, ns)).toBe(ENTITIES);
  const [row] = await h.executor.read('MATCH (n:Entity {id: $id}) RETURN n.namespace AS ns', { id: 'naver' });
  expect(row?.ns).toBeNull();
  const articleTop = await h.gql(`{ centrality(measure: DEGREE, top: 50) { entity { id } } }`);
  const ids: string[] = articleTop.data?.centrality.map((r: { entity: { id: string } }) => r.entity.id);
  expect(ids.some((id) => id.startsWith(ns))).toBe(false);
});

test('analytics scoped to the namespace: a hub tops PageRank, one giant component', async () => {
  const res = await h.gql(
    `query($scope: GraphScope) {
      centrality(measure: PAGERANK, scope: $scope, top: 5) { score entity { id } }
      communities(algorithm: WCC, scope: $scope, top: 1, maxMembers: 1) { count communities { size } }
    }`,
    { scope: { namespace: ns } },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.centrality).toHaveLength(5);
  expect(res.data?.centrality.every((r: { entity: { id: string } }) => r.entity.id.startsWith(`${ns}-`))).toBe(true);
  // Preferential attachment ties almost everything into one component.
  expect(res.data?.communities.communities[0].size).toBeGreaterThan(ENTITIES * 0.8);
});

test('deleting the namespace removes all of it and nothing else', async () => {
  const other = uniquePrefix('gen2');
  for (const batch of syntheticGraph(other, 50, 1, 50)) await writeSyntheticBatch(h.executor, other, batch);
  await deleteNamespace(h.executor, other);
  expect(await countNamespace(h.executor, other)).toBe(0);
  expect(await countNamespace(h.executor, ns)).toBe(ENTITIES);
});
