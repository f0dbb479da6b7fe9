import { syntheticGraph } from '../../src/analytics/synthetic';
import {
  countNamespace,
  deleteNamespace,
  writeSyntheticBatch,
  writeSyntheticGraph,
} from '../../src/analytics/synthetic.writer';
import { missingProcedures } from '../../src/analytics/procedures.check';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

let h: Harness;
const ns = uniquePrefix('gen');
const ENTITIES = 2000;
const graph = () => syntheticGraph(ns, ENTITIES, 3, 250, { factsPerEntity: 3 });
const written: number[] = [];

beforeAll(async () => {
  h = await createHarness();
  // The bulk path `npm run gen` takes: facts of two batches in flight at once.
  await writeSyntheticGraph(h.executor, ns, graph(), { concurrency: 2, onWritten: (_b, i) => written.push(i) });
});

afterAll(async () => {
  await deleteNamespace(h.executor, ns);
  await h.close();
});

test('the start-up check finds every GDS and APOC procedure it needs', async () => {
  expect(await missingProcedures(h.executor)).toEqual([]);
});

test('written with two transactions in flight, the graph holds every generated fact, each once', async () => {
  const facts = [...graph()].flatMap((b) => b.facts);
  const [row] = await h.executor.read(
    `MATCH (a:Entity {namespace: $ns})-[r]->(b:Entity {namespace: $ns}) WHERE r.source = $ns
     RETURN count(r) AS n, count(DISTINCT r.id) AS ids`,
    { ns },
  );
  // A fact sent before its ends were committed would be dropped by its MATCH, not fail.
  expect(row).toEqual({ n: facts.length, ids: facts.length });
  expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
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
